import Foundation
import NewsKitCore

/// An article URL found in a feed or sitemap, with what the listing says about it.
public struct DiscoveredURL: Sendable, Hashable {
    /// The article's URL as the listing gives it, trimmed and made absolute against the
    /// listing's URL when one is known.
    public var url: String
    /// When the listing says the article was published (RSS `pubDate`, Atom `published` or
    /// `updated`, Google News `publication_date`, sitemap `lastmod`), in the offset written
    /// there (UTC when none is); nil when the listing gives no date or one that does not parse.
    public var published: Instant?
    /// The headline the listing gives (RSS and Atom, Google News sitemaps); nil when it gives none.
    public var title: String?
    /// Makes a discovered URL from its parts.
    /// - Parameters:
    ///   - url: the article's URL.
    ///   - published: when it was published; nil when unknown.
    ///   - title: its headline; nil when unknown.
    public init(url: String, published: Instant? = nil, title: String? = nil) {
        self.url = url
        self.published = published
        self.title = title
    }
}

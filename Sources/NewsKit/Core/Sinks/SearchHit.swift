import Foundation

/// One article a database sink's search found (`SQLiteSink.search`, `PostgresSink.search`).
public struct SearchHit: Sendable, Hashable {
    /// The article's ``Article/id``.
    public var id: String
    /// The article's headline; nil when it has none.
    public var title: String?
    /// When the article was published, in the page's UTC offset (stored as ISO 8601,
    /// `2025-08-13T08:00:00+09:00`); nil when the page gave no date.
    public var publishedAt: Instant?
    /// The source's name, or its id when it has no name.
    public var source: String
    /// The URL the article was fetched from; nil for an article read from a file.
    public var url: URL?
    /// A few words of the text around the first match, on one line, every occurrence of
    /// every query word in «guillemets», whatever its length; the title, marked the same way,
    /// when only the title holds the words.
    public var snippet: String

    /// Makes a hit (a sink's search does).
    /// - Parameters:
    ///   - id: the article's id.
    ///   - title: its headline.
    ///   - publishedAt: when it was published.
    ///   - source: the source's name or id.
    ///   - url: where it was fetched from.
    ///   - snippet: the marked line around the match.
    public init(id: String, title: String?, publishedAt: Instant?, source: String, url: URL?, snippet: String) {
        self.id = id
        self.title = title
        self.publishedAt = publishedAt
        self.source = source
        self.url = url
        self.snippet = snippet
    }
}

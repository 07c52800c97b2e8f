import Foundation
import NewsKitCore

/// What a feed or sitemap document holds.
public enum Listing: Sendable, Hashable {
    /// Article URLs (RSS items, Atom entries, sitemap `<url>`s, Google News entries).
    case articles([DiscoveredURL])
    /// More sitemaps to read (a sitemap index).
    case sitemaps([String])
    /// Not a feed or sitemap.
    case unknown
}

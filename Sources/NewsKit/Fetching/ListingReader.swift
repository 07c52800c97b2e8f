import Foundation
import NewsKitCore

/// Reads RSS 2.0 and Atom feeds, sitemaps, sitemap indexes and Google News sitemaps.
public enum ListingReader {
    /// The largest listing read, compressed or not: sitemaps.org allows 50 MB (52,428,800 bytes)
    /// uncompressed and 50,000 URLs, so a valid sitemap always fits, with room to spare.
    public static let maximumBytes = 64 << 20

    /// Reads a listing; a gzip body (`sitemap.xml.gz`) is decompressed first (to at most
    /// ``maximumBytes``; a larger one reads as ``Listing/unknown``).
    /// - Parameters:
    ///   - bytes: the listing as fetched: XML, or gzip-compressed XML.
    ///   - baseURL: the listing's own URL, against which relative links are resolved; nil
    ///     keeps them as written.
    /// - Returns: the article URLs in listing order (entries without a link are left out), the
    ///   sitemaps of an index, or ``Listing/unknown`` for anything else.
    public static func read(_ bytes: [UInt8], baseURL: URL? = nil) -> Listing {
        let raw = Gzip.isGzip(bytes[...]) ? (Gzip.decompress(bytes, limit: maximumBytes) ?? []) : bytes
        let root = FeedXML.parse(raw)
        guard let top = root.children.first(where: { !$0.name.hasPrefix("#") }) else { return .unknown }
        func absolute(_ s: String) -> String {
            let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
            if let base = baseURL, let u = URL(string: t, relativeTo: base) { return u.absoluteString }
            return t
        }
        switch top.localName {
        case "rss", "rdf":
            let items = top.descendants("item")
            return .articles(items.compactMap { item in
                var link = item.value("link")
                if link == nil, let guid = item.child("guid"), guid.attributes["isPermaLink"]?.lowercased() != "false" {
                    link = guid.text.trimmingCharacters(in: .whitespacesAndNewlines)
                }
                guard let l = link, !l.isEmpty else { return nil }
                let date = item.value("pubdate") ?? item.value("date") ?? item.value("published")
                return DiscoveredURL(url: absolute(l), published: date.flatMap(parseDate), title: item.value("title"))
            })
        case "feed":
            return .articles(top.children("entry").compactMap { entry in
                let links = entry.children("link")
                let href = (links.first { ($0.attributes["rel"] ?? "alternate") == "alternate" } ?? links.first)?.attributes["href"]
                guard let h = href, !h.isEmpty else { return nil }
                let date = entry.value("published") ?? entry.value("updated")
                return DiscoveredURL(url: absolute(h), published: date.flatMap(parseDate), title: entry.value("title"))
            })
        case "urlset":
            return .articles(top.children("url").compactMap { u in
                guard let loc = u.value("loc") else { return nil }
                let news = u.child("news")
                let date = news?.value("publication_date") ?? u.value("lastmod")
                return DiscoveredURL(url: absolute(loc), published: date.flatMap(parseDate), title: news?.value("title"))
            })
        case "sitemapindex":
            return .sitemaps(top.children("sitemap").compactMap { $0.value("loc").map(absolute) })
        default:
            return .unknown
        }
    }

    /// ISO-8601 (Atom, sitemaps) or RFC 822 (RSS) dates.
    static func parseDate(_ s: String) -> Instant? {
        Instant(iso8601: s) ?? HTTPDate.instant(s) ?? KoreanDates.parse(s)
    }
}

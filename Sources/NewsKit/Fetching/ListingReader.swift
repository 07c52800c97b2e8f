import Foundation
import NewsKitCore

/// Reads RSS 2.0 and Atom feeds, JSON Feed 1.0 and 1.1, sitemaps, sitemap indexes and Google
/// News sitemaps.
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
        if let feed = jsonFeed(raw, baseURL: baseURL) { return feed }
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

    /// A JSON Feed (https://jsonfeed.org/version/1.1, and 1.0): its `items`, each with `url`
    /// (or `external_url`, or an `id` that is a URL), `date_published` (RFC 3339) and `title`.
    /// - Returns: nil when the bytes are not a JSON object whose `version` names JSON Feed.
    static func jsonFeed(_ raw: [UInt8], baseURL: URL?) -> Listing? {
        var start = 0
        if raw.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < raw.count, [0x20, 0x09, 0x0A, 0x0D].contains(raw[start]) { start += 1 }
        guard start < raw.count, raw[start] == 0x7B,
              let object = try? JSONSerialization.jsonObject(with: Data(raw[start...])) as? [String: Any],
              let version = object["version"] as? String, version.hasPrefix("https://jsonfeed.org/version/") else { return nil }
        let items = object["items"] as? [[String: Any]] ?? []
        return .articles(items.compactMap { item in
            let id = item["id"] as? String
            let link = (item["url"] as? String) ?? (item["external_url"] as? String) ?? id.flatMap { $0.hasPrefix("http") ? $0 : nil }
            guard let l = link?.trimmingCharacters(in: .whitespacesAndNewlines), !l.isEmpty else { return nil }
            let absolute = baseURL.flatMap { URL(string: l, relativeTo: $0)?.absoluteString } ?? l
            let date = (item["date_published"] as? String) ?? (item["date_modified"] as? String)
            return DiscoveredURL(url: absolute, published: date.flatMap(parseDate), title: item["title"] as? String)
        })
    }
}

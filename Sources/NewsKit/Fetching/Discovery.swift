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

/// What a feed or sitemap document holds.
public enum Listing: Sendable, Hashable {
    /// Article URLs (RSS items, Atom entries, sitemap `<url>`s, Google News entries).
    case articles([DiscoveredURL])
    /// More sitemaps to read (a sitemap index).
    case sitemaps([String])
    /// Not a feed or sitemap.
    case unknown
}

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

/// Finds article URLs by reading feeds and sitemaps, following sitemap indexes.
public enum Discovery {
    /// What discovery found.
    public struct Result: Sendable {
        /// New article URLs in canonical form (tracking parameters removed), duplicates dropped,
        /// in listing order.
        public var urls: [URL] = []
        /// Listings fetched with a status below 400 (feeds, sitemaps and sitemap indexes),
        /// including those that then turned out not to be listings.
        public var listingsRead = 0
        /// Listings that could not be fetched or read.
        public var failures: [FetchError] = []
    }

    /// Reads the listings (and the sitemaps their indexes name, up to `maximumListings`). Each
    /// listing may be as large as ``ListingReader/maximumBytes``, whatever `options` says.
    /// - Parameters:
    ///   - listings: URLs of feeds, sitemaps or sitemap indexes, read in order; each is read once.
    ///   - fetcher: fetches each listing (a ``PoliteFetcher`` obeys robots.txt and per-host delays).
    ///   - options: the request options for every listing; its body-size limit is raised to
    ///     ``ListingReader/maximumBytes`` when smaller.
    ///   - since: keep only articles listed as published at or after this instant (undated ones are kept).
    ///   - limit: stop after this many article URLs.
    ///   - maximumListings: the most listings fetched, those given and those their indexes name
    ///     together, failed ones included.
    /// - Returns: the URLs found and the listings that failed; failures do not stop discovery,
    ///   and a listing answering HTTP 400 or more, or holding neither articles nor sitemaps, is one.
    public static func discover(_ listings: [String], fetcher: any Fetcher, options: FetchOptions = FetchOptions(),
                                since: Instant? = nil, limit: Int = .max, maximumListings: Int = 1000) async -> Result {
        var result = Result()
        var queue = listings
        var seenListings = Set<String>()
        var dedupe = URLDeduplicator()
        var options = options
        options.maximumBodyBytes = max(options.maximumBodyBytes, ListingReader.maximumBytes)
        while !queue.isEmpty, result.urls.count < limit, seenListings.count < maximumListings {
            let next = queue.removeFirst()
            guard seenListings.insert(next).inserted, let url = URL(string: next) else { continue }
            do throws(FetchError) {
                let page = try await fetcher.fetch(FetchRequest(url: url, options: options))
                if let status = page.httpStatus, status >= 400 { throw FetchError(.httpStatus, url: next, httpStatus: status) }
                result.listingsRead += 1
                switch ListingReader.read(page.bytes, baseURL: page.url) {
                case .sitemaps(let more):
                    queue += more
                case .articles(let entries):
                    for e in entries where result.urls.count < limit {
                        if let since, let p = e.published, p < since { continue }
                        let canonical = URLCanonicalizer.canonical(e.url) ?? e.url
                        guard let u = URL(string: canonical), dedupe.insert(canonical) else { continue }
                        result.urls.append(u)
                    }
                case .unknown:
                    let tooBig = Gzip.isGzip(page.bytes[...]) && Gzip.decompress(page.bytes, limit: ListingReader.maximumBytes) == nil
                    throw FetchError(tooBig ? .tooLarge : .transport, url: next,
                                     curlMessage: tooBig ? "decompresses to more than \(ListingReader.maximumBytes >> 20) MiB (or is a broken gzip stream)" : "not a feed or sitemap")
                }
            } catch {
                result.failures.append(error)
            }
        }
        return result
    }
}

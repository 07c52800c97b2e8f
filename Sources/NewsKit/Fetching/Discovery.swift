import Foundation
import NewsKitCore

/// Finds article URLs by reading feeds and sitemaps, following sitemap indexes.
public enum Discovery {
    /// What discovery found.
    public struct Result: Sendable {
        /// New article URLs in canonical form (tracking parameters removed), duplicates dropped,
        /// in listing order.
        public var urls: [URL] = []
        /// What the listings say of each of ``urls``, in the same order: the canonical URL, and
        /// the date and headline where the listing gives them (for a listing of what a crawl
        /// would fetch, without fetching it).
        public var entries: [DiscoveredURL] = []
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
                        result.entries.append(DiscoveredURL(url: canonical, published: e.published, title: e.title))
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

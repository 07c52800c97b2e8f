import Foundation
import NewsKit
import NewsKitAdapters

/// `newskit-demo crawl FEED-OR-SITEMAP-URL... [options]`: finds articles in feeds and sitemaps
/// (or an adapter's feeds), then fetches and extracts them as `fetch` does.
enum CrawlCommand {
    static func run(_ args: ParsedArguments) async throws(UsageError) -> Int32 {
        var problems: [String] = []
        var since: Instant? = nil
        if let s = args.text("since") {
            since = Instant(iso8601: s) ?? KoreanDates.parse(s)
            if since == nil { problems.append("--since must be a date such as 2025-08-13, not \(s)") }
        }
        let limit = args.int("limit") ?? Int.max
        var listings: [String] = []
        for p in args.operands {
            if let adapter = AdapterRegistry.builtIn.adapter(id: p) {
                if adapter.feeds.isEmpty { problems.append("adapter \(p) names no feeds") }
                listings += adapter.feeds
            } else if let u = URL(string: p), u.scheme == "http" || u.scheme == "https" {
                listings.append(p)
            } else {
                problems.append("not an http(s) URL or an adapter id: \(p)")
            }
        }
        if listings.isEmpty && problems.isEmpty { problems.append("give at least one feed or sitemap URL") }
        guard let (pipeline, fetcher, warc) = FetchOptions.pipeline(args, problems: &problems) else {
            throw UsageError(command: "crawl", problems)
        }
        let output = FetchOptions.output(args, pipeline)
        let found = await Discovery.discover(listings, fetcher: fetcher, options: pipeline.fetchOptions, since: since, limit: limit)
        for f in found.failures { PipelineRunner.failure(f.url, isURL: true, message: f.reason, command: "crawl", output: output) }
        warn("newskit-demo crawl: \(found.urls.count) article URL(s) from \(found.listingsRead) listing(s)"
             + (found.failures.isEmpty ? "" : ", \(found.failures.count) listing(s) failed"))
        return await PipelineRunner.run(pipeline, inputs: found.urls.map { .url($0) }, command: "crawl", output: output,
                                        fetcher: fetcher, warc: warc, listingFailures: found.failures.count)
    }
}

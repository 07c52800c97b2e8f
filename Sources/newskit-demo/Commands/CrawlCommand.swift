import Foundation
import NewsKit
import NewsKitAdapters

/// `newskit-demo crawl FEED-OR-SITEMAP-URL... [options]`: finds articles in feeds and sitemaps
/// (or an adapter's feeds), then fetches and extracts them as `fetch` does.
enum CrawlCommand {
    static func run(_ args: ParsedArguments) async throws(UsageError) -> Int32 {
        var problems: [String] = []
        let (listings, since) = ListingOptions.read(args, problems: &problems)
        let limit = args.int("limit") ?? Int.max
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

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
        let shard = ShardOption.read(args, problems: &problems)
        guard let (pipeline, fetcher, warc) = FetchOptions.pipeline(args, problems: &problems) else {
            throw UsageError(command: "crawl", problems)
        }
        let output = FetchOptions.output(args, pipeline)
        let found = await Discovery.discover(listings, fetcher: fetcher, options: pipeline.fetchOptions, since: since, limit: limit)
        for f in found.failures { PipelineRunner.failure(f.url, isURL: true, message: f.reason, command: "crawl", output: output) }
        warn("newskit-demo crawl: \(found.urls.count) article URL(s) from \(found.listingsRead) listing(s)"
             + (found.failures.isEmpty ? "" : ", \(found.failures.count) listing(s) failed"))
        // A shard fetches the hosts that hash to it (each host's politeness stays in one worker).
        let urls = shard.map { s in found.urls.filter { s.contains(Shard.hostKey($0)) } } ?? found.urls
        if let shard { warn("newskit-demo crawl: shard \(shard): \(urls.count) of the \(found.urls.count) URL(s)") }
        return await PipelineRunner.run(pipeline, inputs: urls.map { .url($0) }, command: "crawl", output: output,
                                        fetcher: fetcher, warc: warc, listingFailures: found.failures.count)
    }
}

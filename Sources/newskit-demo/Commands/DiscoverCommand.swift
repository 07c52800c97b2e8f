import Foundation
import NewsKit

/// `newskit-demo discover FEED-OR-SITEMAP-URL... [options]`: what `crawl` would fetch (each
/// article URL with the date and headline the listing gives), without fetching the articles.
enum DiscoverCommand {
    static func run(_ args: ParsedArguments) async throws(UsageError) -> Int32 {
        var problems: [String] = []
        let (listings, since) = ListingOptions.read(args, problems: &problems)
        guard problems.isEmpty else { throw UsageError(command: "discover", problems) }
        let configuration = FetchOptions.configuration(args)
        let fetcher: PoliteFetcher
        do { fetcher = try PoliteFetcher(configuration: configuration) } catch {
            throw UsageError(command: "discover", [error.description])
        }
        let jsonl = (args.text("format") ?? (isatty(1) != 0 ? "text" : "jsonl")) == "jsonl"
        let found = await Discovery.discover(listings, fetcher: fetcher, options: configuration.options,
                                             since: since, limit: args.int("limit") ?? Int.max)
        var out = Output()
        for f in found.failures {
            warn("newskit-demo discover: \(f.url): \(f.reason)")
            if jsonl { out.line(JSONLiteral.object(["listing": JSONLiteral.quote(f.url), "error": JSONLiteral.quote(f.reason)])) }
        }
        for e in found.entries {
            if jsonl {
                out.line(JSONLiteral.object(["url": JSONLiteral.quote(e.url), "published": e.published.map { JSONLiteral.quote($0.iso8601) } ?? "null",
                                             "title": e.title.map(JSONLiteral.quote) ?? "null"]))
            } else {
                let when = e.published.map { String($0.iso8601.prefix(16)).replacingOccurrences(of: "T", with: " ") } ?? "(undated)       "
                out.line("\(when)  \(e.title ?? "(no title in the listing)")")
                out.line("    \(e.url)")
            }
        }
        out.flush()
        warn("newskit-demo discover: \(found.entries.count) article URL(s) from \(found.listingsRead) listing(s)"
             + (found.failures.isEmpty ? "" : ", \(found.failures.count) listing(s) failed"))
        return found.failures.isEmpty ? 0 : 1
    }
}

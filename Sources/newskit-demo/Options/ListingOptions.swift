import Foundation
import NewsKit
import NewsKitAdapters

/// What `crawl` and `discover` read first: the listings named (URLs, or adapter ids for their
/// sites' feeds) and `--since`.
enum ListingOptions {
    /// The listing URLs and the `--since` instant; what cannot be used goes to `problems`.
    static func read(_ args: ParsedArguments, problems: inout [String]) -> (listings: [String], since: Instant?) {
        var since: Instant? = nil
        if let s = args.text("since") {
            since = Instant(iso8601: s) ?? KoreanDates.parse(s)
            if since == nil { problems.append("--since must be a date such as 2025-08-13, not \(s)") }
        }
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
        return (listings, since)
    }
}

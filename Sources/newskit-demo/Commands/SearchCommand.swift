import Foundation
import NewsKit

/// `newskit-demo search DB QUERY`: headlines matching a full-text query in a SQLite sink.
enum SearchCommand {
    static let usage = """
    usage: newskit-demo search DB QUERY... [--limit N]
      DB     a database written by --sink sqlite:DB
      QUERY  words to find in titles and texts (substrings: 전화통화 finds 김정은과 전화통화…);
             every word must occur
      --limit N  at most N results (default 20), newest first
    """

    static func run(_ raw: [String]) -> Int32 {
        var args = Arguments(raw, flags: ["help"], options: ["limit"])
        if args.has("help") { print(usage); return 0 }
        let limit = args.int("limit", default: 20, range: 1...10_000)
        if args.positionals.count < 2 { args.problems.append("give a database and a query") }
        guard args.problems.isEmpty else {
            args.problems.forEach { warn("newskit-demo search: \($0)") }
            warn(usage)
            return 2
        }
        let db = args.positionals[0]
        let query = args.positionals.dropFirst().joined(separator: " ")
        do throws(SinkError) {
            let hits = try SQLiteSink.search(path: db, query: query, limit: limit)
            var out = Output()
            for h in hits {
                let date = h.publishedAt.map { String($0.prefix(16)).replacingOccurrences(of: "T", with: " ") } ?? "(undated)       "
                out.line("\(date)  \(h.source)  \(h.title ?? "(untitled)")")
                out.line("    \(h.snippet)")
            }
            out.flush()
            warn("\(hits.count) match(es) for \(query)")
            return hits.isEmpty ? 1 : 0
        } catch {
            warn("newskit-demo search: \(error.description)")
            return 2
        }
    }
}

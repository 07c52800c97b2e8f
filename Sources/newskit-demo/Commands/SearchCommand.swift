import Foundation
import NewsKit
import NewsKitPostgres

/// `newskit-demo search DB QUERY... [--limit N]`: headlines matching a full-text query in a SQLite
/// sink's file or a PostgreSQL sink's database (a `postgres://` URI).
enum SearchCommand {
    static func run(_ args: ParsedArguments) throws(UsageError) -> Int32 {
        let limit = args.int("limit")!
        guard args.operands.count >= 2 else { throw UsageError(command: "search", ["give a database and a query"]) }
        let db = args.operands[0]
        let query = args.operands.dropFirst().joined(separator: " ")
        do throws(SinkError) {
            let hits = SinkOptions.isPostgres(db) ? try PostgresSink.search(uri: db, query: query, limit: limit)
                                                  : try SQLiteSink.search(path: db, query: query, limit: limit)
            var out = Output()
            for h in hits {
                let date = h.publishedAt.map { String($0.iso8601.prefix(16)).replacingOccurrences(of: "T", with: " ") } ?? "(undated)       "
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

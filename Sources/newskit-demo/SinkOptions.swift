import Foundation
import NewsKit

/// `--sink KIND:PATH` (repeatable) on extract, fetch and crawl.
enum SinkOptions {
    static let usage = """
      --sink KIND:PATH write articles to a sink instead of standard output (repeatable):
                       jsonl:FILE (append, synced per batch), sqlite:FILE (upsert, full-text search:
                       `newskit-demo search FILE QUERY`), report:FILE.html (one self-contained
                       page), markdown:DIR (one file per article). A rerun with the same sinks
                       skips the inputs they already store, so a killed run resumes.
    """

    /// Opens the sinks named; problems go to `problems`.
    static func sinks(_ specs: [String], problems: inout [String]) -> [any ArticleSink] {
        var out: [any ArticleSink] = []
        for spec in specs {
            guard let colon = spec.firstIndex(of: ":"), colon != spec.startIndex, spec.index(after: colon) != spec.endIndex else {
                problems.append("--sink needs KIND:PATH (jsonl, sqlite, report, markdown), not \(spec)")
                continue
            }
            let kind = String(spec[..<colon]), path = String(spec[spec.index(after: colon)...])
            do throws(SinkError) {
                switch kind {
                case "jsonl": out.append(path == "-" ? JSONLinesSink(fileDescriptor: 1) : try JSONLinesSink(path: path))
                case "sqlite": out.append(try SQLiteSink(path: path))
                case "report": out.append(try ReportSink(path: path))
                case "markdown", "md": out.append(try MarkdownSink(directory: path))
                default: problems.append("unknown sink kind \(kind) in \(spec): use jsonl, sqlite, report or markdown")
                }
            } catch {
                problems.append(error.description)
            }
        }
        return out
    }

    /// Closes every sink, naming each failure; returns how many failed.
    static func close(_ sinks: [any ArticleSink]) -> Int {
        var failures = 0
        for s in sinks {
            do throws(SinkError) { try s.close() } catch { failures += 1; warn("newskit-demo: \(error.description)") }
        }
        return failures
    }
}

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

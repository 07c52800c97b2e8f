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

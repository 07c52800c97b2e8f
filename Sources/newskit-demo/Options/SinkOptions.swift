import Foundation
import NewsKit
import NewsKitPostgres

/// `--sink KIND:PATH` (repeatable) on extract, fetch and crawl: checking the specs and opening the sinks.
enum SinkOptions {
    static let kinds = "jsonl, sqlite, report or markdown, or a postgres:// URI"

    /// Whether the spec is a libpq connection URI (`postgres://` or `postgresql://`).
    static func isPostgres(_ spec: String) -> Bool {
        spec.hasPrefix("postgres://") || spec.hasPrefix("postgresql://")
    }

    /// What is wrong with the specs themselves (before anything is opened).
    static func problems(_ specs: [String]) -> [String] {
        specs.compactMap { spec in
            if isPostgres(spec) { return nil }
            guard let (kind, _) = split(spec) else { return "--sink needs KIND:PATH (\(kinds)), not \(spec)" }
            return ["jsonl", "sqlite", "report", "markdown", "md"].contains(kind) ? nil : "unknown sink kind \(kind) in \(spec): use \(kinds)"
        }
    }

    /// Opens the sinks named (specs already checked); problems go to `problems`.
    static func open(_ specs: [String], problems: inout [String]) -> [any ArticleSink] {
        var out: [any ArticleSink] = []
        for spec in specs {
            if isPostgres(spec) {
                do throws(SinkError) { out.append(try PostgresSink(uri: spec)) } catch { problems.append(error.description) }
                continue
            }
            guard let (kind, path) = split(spec) else { continue }
            do throws(SinkError) {
                switch kind {
                case "jsonl": out.append(path == "-" ? JSONLinesSink(fileDescriptor: 1) : try JSONLinesSink(path: path))
                case "sqlite": out.append(try SQLiteSink(path: path))
                case "report": out.append(try ReportSink(path: path))
                case "markdown", "md": out.append(try MarkdownSink(directory: path))
                default: break
                }
            } catch {
                problems.append(error.description)
            }
        }
        return out
    }

    /// Closes every sink, naming each failure; returns how many failed.
    static func close(_ sinks: [any ArticleSink], command: String) -> Int {
        var failures = 0
        for s in sinks {
            do throws(SinkError) { try s.close() } catch { failures += 1; warn("newskit-demo \(command): \(error.description)") }
        }
        return failures
    }

    /// `jsonl:out.jsonl` as (`jsonl`, `out.jsonl`); nil without a kind or a path.
    static func split(_ spec: String) -> (kind: String, path: String)? {
        guard let colon = spec.firstIndex(of: ":"), colon != spec.startIndex, spec.index(after: colon) != spec.endIndex else { return nil }
        return (String(spec[..<colon]), String(spec[spec.index(after: colon)...]))
    }
}

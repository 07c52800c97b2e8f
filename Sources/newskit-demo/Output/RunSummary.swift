import Foundation
import NewsKit

/// The one summary line `extract`, `fetch` and `crawl` end with, on stderr:
///
/// ```text
/// newskit-demo fetch: extracted 2 of 3 page(s), 1 failed, 0 warning(s) in 1.2 s, 2.5 pages/s; adapters: etoday 1, yonhap 1; failures: fetch.httpStatus 1; archived 4 response(s) to run.warc.gz
/// ```
/// The page count leaves out pages skipped because the sinks already store them (said after it).
struct RunSummary {
    var command: String
    var pipeline: PipelineSummary
    /// Inputs that failed before the pipeline saw them (standard input that could not be read).
    var failedBefore = 0
    var warnings = 0
    /// The first pages the warnings came from, and how many pages had warnings.
    var warnedPages: [String] = []
    var warnedPageCount = 0
    var sinkErrors = 0
    /// Responses archived, and where.
    var archived: (records: Int, path: String)? = nil
    /// Whether the run wrote to sinks a rerun resumes from.
    var resumable = false
    /// How many inputs the run had, when known (said when it was interrupted).
    var total: Int? = nil

    var pages: Int { pipeline.inputs - pipeline.skipped + failedBefore }
    var failed: Int { pipeline.failed + failedBefore }

    var line: String {
        var s = "newskit-demo \(command): extracted \(pipeline.extracted) of \(pages) page(s), \(failed) failed, \(warnings) warning(s)"
            + " in \(String(format: "%.1f", pipeline.seconds)) s, \(String(format: "%.1f", pipeline.pagesPerSecond)) pages/s"
        if !pipeline.byAdapter.isEmpty { s += "; adapters: " + RunSummary.counts(pipeline.byAdapter) }
        if !pipeline.byFailure.isEmpty { s += "; failures: " + RunSummary.counts(pipeline.byFailure) }
        s += RunSummary.named(warnedPages, of: max(warnedPageCount, warnedPages.count))
        if pipeline.skipped > 0 { s += "; \(pipeline.skipped) already stored, skipped" }
        if pipeline.wasCancelled {
            s += "; interrupted after \(pipeline.extracted + pipeline.failed)\(total.map { " of \($0)" } ?? "") page(s)"
            if pipeline.cancelled > 0 { s += " (\(pipeline.cancelled) stopped in flight)" }
            s += resumable ? ", sinks flushed and closed: the same command resumes" : ""
        }
        if sinkErrors > 0 { s += "; \(sinkErrors) sink error(s)" }
        if let archived { s += "; archived \(archived.records) response(s) to \(archived.path)" }
        return s
    }

    /// `; warnings in a.html, b.html and 3 more page(s)`: where the warnings are; empty when nowhere.
    static func named(_ pages: [String], of total: Int) -> String {
        guard !pages.isEmpty else { return "" }
        let shown = pages.prefix(3)
        return "; warnings in " + shown.joined(separator: ", ") + (total > shown.count ? " and \(total - shown.count) more page(s)" : "")
    }

    /// `etoday 1, generic 2`, sorted by name.
    static func counts<Key: CustomStringConvertible>(_ counts: [Key: Int]) -> String {
        counts.map { ($0.key.description, $0.value) }.sorted { $0.0 < $1.0 }.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
    }
}

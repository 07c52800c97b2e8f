import Foundation
import NewsKit

/// The run `fetch`, `crawl` and `extract --warc` share: the pipeline's results printed as they
/// complete, progress on stderr, then the sinks and the archive closed and the ``RunSummary``.
enum PipelineRunner {
    /// Names a failed input on stderr and, in jsonl, as a `{"error": …, "url"|"path": …}` line.
    static func failure(_ input: String, isURL: Bool, message: String, command: String, output: ArticleOutput) {
        warn("newskit-demo \(command): \(input): \(message)")
        output.failure(isURL ? "url" : "path", input, message)
    }

    /// - Parameters:
    ///   - total: how many inputs there are, for progress (0 when not known).
    ///   - unreadable: inputs that failed before the pipeline (WARC records that could not be read); counted as failed pages.
    ///   - listingFailures: feeds and sitemaps that could not be read (crawl); they make the exit status 1.
    /// - Returns: the exit status: 1 when any input, listing or sink failed.
    static func run<S: AsyncSequence & Sendable>(_ pipeline: Pipeline, inputs: S, total: Int, command: String, output: ArticleOutput,
                                                 fetcher: PoliteFetcher? = nil, warc: WARCWriter? = nil, unreadable: Tally? = nil,
                                                 listingFailures: Int = 0) async -> Int32 where S.Element == PipelineInput {
        let progress = Progress(label: command, total: total)
        let warnings = Tally()
        let (summary, interrupted) = await Interrupt.cancelling { await pipeline.run(inputs) { event in
            switch event {
            case .extracted(let article):
                warnings.add(article.warnings.count, from: article.file ?? article.url?.absoluteString ?? article.id)
                output.article(article)
                progress.record(failed: false)
            case .failed(let f):
                failure(f.input, isURL: f.isURL, message: f.message, command: command, output: output)
                progress.record(failed: true)
            case .started, .cancelled, .finished:
                break
            }
        } }
        output.finish()
        progress.finish()
        warc?.close()
        for e in fetcher?.archiveFailures ?? [] { warn("newskit-demo \(command): archive: \(e)") }
        for e in summary.sinkErrors { warn("newskit-demo \(command): \(e)") }
        let sinkFailures = SinkOptions.close(pipeline.sinks, command: command) + summary.sinkErrors.count
        let report = RunSummary(command: command, pipeline: summary, failedBefore: unreadable?.value ?? 0, warnings: warnings.value, warnedPages: warnings.names, warnedPageCount: warnings.namedCount,
                                sinkErrors: sinkFailures, archived: warc.map { ($0.records - 1, $0.path) }, resumable: !pipeline.sinks.isEmpty, total: total > 0 ? total : nil)
        warn(report.line)
        if interrupted { return Interrupt.exitStatus }
        return report.failed + listingFailures + sinkFailures > 0 ? 1 : 0
    }

    static func run(_ pipeline: Pipeline, inputs: [PipelineInput], command: String, output: ArticleOutput,
                    fetcher: PoliteFetcher?, warc: WARCWriter?, listingFailures: Int = 0) async -> Int32 {
        await run(pipeline, inputs: PipelineInputs(inputs), total: inputs.count, command: command, output: output,
                  fetcher: fetcher, warc: warc, listingFailures: listingFailures)
    }
}

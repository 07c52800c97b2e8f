import Foundation
import NewsKit
import NewsKitAdapters

/// `newskit-demo extract [PATH...] [options]` and `newskit-demo extract --warc FILE [options]`;
/// the options are in ``CommandTable``.
enum ExtractCommand {
    static func run(_ args: ParsedArguments) async throws(UsageError) -> Int32 {
        var problems = SinkOptions.problems(args.texts("sink"))
        if let problem = AdapterChoice.problem(args) { problems.append(problem) }
        let worker = ExtractWorker.current
        let format = OutputFormat.chosen(args.text("format"))
        let explain = args.has("explain")
        // Crash isolation: a worker process extracts, so a page that crashes it is named and
        // skipped. The supervising process leaves the sinks and the gazetteer to its workers: it
        // only checks the enrichment options (a WARC replay is never supervised).
        let supervises = worker == nil && args.texts("warc").isEmpty && !args.has("no-isolate") && !explain
            && format != .json && !args.operands.contains("-")
        var enrichers: [any ArticleEnricher] = []
        if supervises { EnrichmentOptions.check(args, problems: &problems) } else { enrichers = EnrichmentOptions.enrichers(args, problems: &problems) }
        if args.given("inputs-from") && worker == nil { problems.append("--inputs-from is for the workers newskit-demo starts itself") }
        guard problems.isEmpty else { throw UsageError(command: "extract", problems) }
        let shard = ShardOption.read(args, problems: &problems)
        guard problems.isEmpty else { throw UsageError(command: "extract", problems) }
        if !args.texts("warc").isEmpty {
            // Several archives are replayed one after another, each with its summary; a shard
            // takes the archives whose path hashes to it.
            let archives = args.texts("warc").filter { shard?.contains($0) ?? true }
            if let shard { warn("newskit-demo extract: shard \(shard): \(archives.count) of the \(args.texts("warc").count) archive(s)") }
            var status: Int32 = 0
            for warc in archives {
                let s = try await replay(warc, args, enrichers: enrichers, format: format)
                if s == Interrupt.exitStatus { return s }
                status = max(status, s)
            }
            return status
        }
        var paths = args.operands
        if let list = args.text("inputs-from") {
            do { paths = try ExtractWorker.inputs(from: list) } catch {
                throw UsageError(command: "extract", [error.description])
            }
        } else if paths.isEmpty {
            guard let examples = bundledExamples() else {
                throw UsageError(command: "extract", ["no PATH given and the bundled examples (Examples/seeds) were not found; run from the project root or pass files"])
            }
            paths = [examples]
        }
        var files = args.given("inputs-from") ? paths : DocumentFiles.expand(paths)
        if let shard { files = files.filter { shard.contains($0) } }
        var url: URL?
        if let given = args.text("url") {
            url = SavedPageURL.parse(given)
            var isFolder: ObjCBool = false
            if url == nil { problems.append("--url must be an absolute http(s) URL, not \(given)") }
            if !args.given("inputs-from"), args.operands.count != 1 || FileManager.default.fileExists(atPath: args.operands[0], isDirectory: &isFolder) && isFolder.boolValue {
                problems.append("--url gives one saved page its URL: name exactly one file (for many, put a .url file beside each page)")
            }
            guard problems.isEmpty else { throw UsageError(command: "extract", problems) }
        }
        var jobs = args.int("jobs") ?? ProcessInfo.processInfo.activeProcessorCount
        if supervises && !files.isEmpty && !files.contains("-") {
            let usesSinks = !args.texts("sink").isEmpty
            let status = ExtractSupervisor.run(files: files, options: args.optionArguments, jobs: jobs,
                                               writesFailureLines: format == .jsonl && !usesSinks, usesSinks: usesSinks)
            if status >= 0 { return status }
            // No worker could be started: extract here, with the sinks.
            var inProcess = args
            inProcess.set(flag: "no-isolate")
            return try await run(inProcess)
        }
        // Not handed off after all (no file to hand): this process extracts, with the enrichers.
        if supervises { enrichers = EnrichmentOptions.enrichers(args, problems: &problems) }
        let sinks = supervises ? [] : SinkOptions.open(args.texts("sink"), problems: &problems)
        guard problems.isEmpty else { throw UsageError(command: "extract", problems) }
        jobs = explain ? 1 : max(1, min(jobs, 16, files.count))
        if explain {
            for path in files {
                guard let page = try? InputFiles.page(path), let document = try? Document(page: page) else { continue }
                warn("\(path):")
                GenericExtractor.explain(document).forEach { warn("  " + $0) }
            }
        }
        var (made, unreadable) = FileInputs.make(files, command: "extract")
        made.url = url
        let inputs = made
        // One pipeline for files too: bounded concurrency, results in input order, resumable
        // when writing to sinks.
        let pipeline = Pipeline(registry: .builtIn, sinks: sinks, concurrency: jobs, adapterID: args.text("adapter"), enrichers: enrichers,
                                stories: EnrichmentOptions.stories(args), ordered: true, resume: !sinks.isEmpty,
                                keepsNonArticles: args.text("non-articles") == "keep")
        let output = ArticleOutput(format: format, writesArticles: sinks.isEmpty, writesFailures: sinks.isEmpty)
        let warnings = Tally()
        let progress = sinks.isEmpty ? nil : Progress(label: "extract", total: files.count - unreadable)
        let (summary, interrupted) = await Interrupt.cancelling { await pipeline.run(inputs) { event in
            switch event {
            case .extracted(let article):
                warnings.add(article.warnings.count, from: article.file ?? article.url?.absoluteString ?? article.id)
                progress?.record(failed: false)
                output.article(article)
                if let worker, let file = article.file {
                    output.flush()   // written before it is reported delivered
                    worker.delivered(file)
                }
            case .failed(let f):
                progress?.record(failed: true)
                warn("newskit-demo extract: \(f.description)")
                output.failure("path", f.input, f.message)
                if let worker {
                    output.flush()
                    worker.delivered(f.input)
                }
            case .started, .cancelled, .finished:
                break
            }
        } }
        progress?.finish()
        output.finish()
        for e in summary.sinkErrors { warn("newskit-demo extract: \(e)") }
        let sinkFailures = SinkOptions.close(sinks, command: "extract") + summary.sinkErrors.count
        let report = RunSummary(command: "extract", pipeline: summary, failedBefore: unreadable, warnings: warnings.value, warnedPages: warnings.names, warnedPageCount: warnings.namedCount,
                                sinkErrors: sinkFailures, resumable: !sinks.isEmpty, total: files.count)
        warn(report.line)
        if interrupted { return Interrupt.exitStatus }
        return report.failed > 0 || sinkFailures > 0 ? 1 : 0
    }

    /// Extracts every response record of a WARC file, lazily, in the order they complete.
    static func replay(_ path: String, _ args: ParsedArguments, enrichers: [any ArticleEnricher], format: OutputFormat) async throws(UsageError) -> Int32 {
        var problems: [String] = []
        let sinks = SinkOptions.open(args.texts("sink"), problems: &problems)
        guard problems.isEmpty else { throw UsageError(command: "extract", problems) }
        let reader: WARCReader
        do { reader = try WARCReader(path: path) } catch {
            warn("newskit-demo extract: \(error.description)")
            return 1
        }
        let output = ArticleOutput(format: format, writesArticles: sinks.isEmpty, writesFailures: true)
        // Pulled one record at a time as the pipeline asks, so memory stays flat for any archive size.
        // Records that cannot be read (truncated, not WARC) are named as they come and make the exit status 1.
        let unreadable = Tally()
        let inputs = reader.inputs { failure in
            unreadable.add()
            PipelineRunner.failure(failure.url, isURL: true, message: failure.curlMessage ?? failure.reason, command: "extract", output: output)
        }
        let pipeline = Pipeline(registry: .builtIn, sinks: sinks, concurrency: args.int("jobs") ?? 4, adapterID: args.text("adapter"),
                                enrichers: enrichers, stories: EnrichmentOptions.stories(args), resume: !sinks.isEmpty,
                                keepsNonArticles: args.text("non-articles") == "keep")
        let status = await PipelineRunner.run(pipeline, inputs: inputs, total: 0, command: "extract", output: output, unreadable: unreadable)
        if unreadable.value > 0 { warn("newskit-demo extract: \(unreadable.value) record(s) of \(path) could not be read") }
        if reader.responsesSkipped > 0 {
            let kinds = reader.skippedMediaTypes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            warn("newskit-demo extract: \(reader.responsesSkipped) response(s) of \(path) are not documents and were not read (\(kinds))")
        }
        return status
    }

    /// `Examples/seeds` under the working directory, or beside the built executable's package.
    static func bundledExamples() -> String? {
        let fm = FileManager.default
        var candidates = [fm.currentDirectoryPath + "/Examples/seeds"]
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(dir.appendingPathComponent("Examples/seeds").path)
            dir = dir.deletingLastPathComponent()
        }
        return candidates.first { fm.fileExists(atPath: $0) }
    }
}

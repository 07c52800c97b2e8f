import Foundation
import NewsKit
import NewsKitAdapters

/// `newskit-demo extract [PATH...] [--format jsonl|json|markdown|text] [--adapter ID]`
enum ExtractCommand {
    static let usage = """
    usage: newskit-demo extract [PATH...] [--format jsonl|json|markdown|text] [--adapter ID]
           newskit-demo extract --warc FILE [--adapter ID]
      PATH             files and folders (.html, .htm, .txt, .md …), or - for standard input;
                       with no PATH, the bundled examples (Examples/seeds)
      --warc FILE      replay a WARC file (.warc or .warc.gz, e.g. written by fetch --warc):
                       every response record is extracted, without the network
      --format F       jsonl (default: one article per line), json (an array), markdown, text
      --adapter ID     use this adapter instead of choosing one (see `newskit-demo adapters`)
      --jobs N         pages extracted at once (default: the number of processors); the output
                       keeps the input order
      --explain        also say on stderr how the generic extractor reads each page (content
                       area, merged boxes, runners-up, article data in scripts)
      --no-isolate     extract in this process; by default a worker process extracts, so a page
                       that crashes it is named as a failure and the run goes on without it
    Articles come with entities, event dates, story ids and duplicate/repost links (stories
    are decided in input order, from the articles before).
    \(EnrichmentOptions.usage)
    One article per input on stdout; a summary on stderr. An input that cannot be read or
    extracted is named on stderr (and as {"error": …, "path": …} in jsonl); the exit status is 1
    when any input failed, after every other input was processed.
    """

    enum Format: String { case jsonl, json, markdown, text }

    static func run(_ raw: [String]) async -> Int32 {
        var args = Arguments(raw, flags: Set(["help", "explain", "no-isolate"]).union(EnrichmentOptions.flags),
                             options: Set(["format", "adapter", "warc", "jobs", "sink", "inputs-from"]).union(EnrichmentOptions.options))
        if args.has("help") { print(usage); return 0 }
        let enrichers = EnrichmentOptions.enrichers(&args)
        let stories = args.has("no-enrich") ? nil : StoryTracker()
        // A supervising process (see ExtractSupervisor) leaves the sinks to its workers.
        let supervises = ExtractWorker.current == nil && !args.has("no-isolate") && !args.has("explain") && args.value("warc") == nil
            && args.value("format") != "json" && !args.positionals.contains("-")
        let sinks = supervises ? [] : SinkOptions.sinks(args.values("sink"), problems: &args.problems)
        if let warc = args.value("warc") {
            return await replay(warc, adapterID: args.value("adapter"), problems: args.problems, enrichers: enrichers, stories: stories, sinks: sinks)
        }
        let format = Format(rawValue: args.value("format") ?? "jsonl")
        if format == nil { args.problems.append("--format must be jsonl, json, markdown or text") }
        let registry = AdapterRegistry.builtIn
        if let a = args.value("adapter"), registry.adapter(id: a) == nil {
            args.problems.append("no adapter \"\(a)\"; known: " + registry.adapters.map(\.id).joined(separator: ", "))
        }
        var jobs = args.int("jobs", default: ProcessInfo.processInfo.activeProcessorCount, range: 1...256)
        if !args.problems.isEmpty {
            args.problems.forEach { warn("newskit-demo extract: \($0)") }
            warn(usage)
            return 2
        }
        var paths = args.positionals
        let worker = ExtractWorker.current
        if let list = args.value("inputs-from") {
            guard worker != nil else {
                warn("newskit-demo extract: --inputs-from is for the workers newskit-demo starts itself")
                return 2
            }
            do { paths = try ExtractWorker.inputs(from: list) } catch {
                warn("newskit-demo extract: \(error.description)")
                return 2
            }
        } else if paths.isEmpty {
            guard let examples = bundledExamples() else {
                warn("newskit-demo extract: no PATH given and the bundled examples (Examples/seeds) were not found; run from the project root or pass files")
                return 2
            }
            paths = [examples]
        }
        let files = args.value("inputs-from") != nil ? paths : InputFiles.expand(paths)
        let explain = args.has("explain")
        // Crash isolation: a worker process extracts, so a page that crashes it is named and skipped.
        if supervises && !files.isEmpty && !files.contains("-") {
            let usesSinks = !args.values("sink").isEmpty
            let status = ExtractSupervisor.run(files: files, options: args.optionArguments, jobs: jobs,
                                               writesFailureLines: format == .jsonl && !usesSinks, usesSinks: usesSinks)
            if status >= 0 { return status }
            // No worker could be started: extract here, with the sinks.
            return await run(raw + ["--no-isolate"])
        }
        jobs = explain ? 1 : max(1, min(jobs, 16, files.count))
        let adapterID = args.value("adapter")
        if explain {
            for path in files {
                guard let page = try? InputFiles.page(path), let document = try? Document(page: page) else { continue }
                warn("\(path):")
                GenericExtractor.explain(document).forEach { warn("  " + $0) }
            }
        }
        let (inputs, unreadable) = FileInputs.make(files, command: "extract")
        // One pipeline for files too: bounded concurrency, results in input order, resumable
        // when writing to sinks.
        let pipeline = Pipeline(registry: registry, sinks: sinks, concurrency: jobs, adapterID: adapterID, enrichers: enrichers,
                                stories: stories, ordered: true, resume: !sinks.isEmpty)
        let state = ExtractState()
        let progress = sinks.isEmpty ? nil : Progress(label: "extract", total: files.count - unreadable)
        let summary = await pipeline.run(inputs) { event in
            switch event {
            case .extracted(let article):
                state.warnings += article.warnings.count
                progress?.record(failed: false)
                if sinks.isEmpty {
                    switch format! {
                    case .jsonl: state.out.line(article.jsonLine)
                    case .json: state.extracted.append(article)
                    case .markdown: state.out.line(ArticleRendering.markdown(article))
                    case .text: state.out.line(ArticleRendering.plain(article))
                    }
                }
                if let worker, let file = article.file {
                    state.out.flush()   // written before it is reported delivered
                    worker.delivered(file)
                }
            case .failed(let f):
                progress?.record(failed: true)
                warn("newskit-demo extract: \(f.description)")
                if format == .jsonl && sinks.isEmpty { state.out.line(JSONLiteral.object(["path": JSONLiteral.quote(f.input), "error": JSONLiteral.quote(f.message)])) }
                if let worker {
                    state.out.flush()
                    worker.delivered(f.input)
                }
            }
        }
        progress?.finish()
        var out = state.out
        if format == .json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
            if let data = try? encoder.encode(state.extracted) { out.line(String(decoding: data, as: UTF8.self)) }
        }
        out.flush()
        for e in summary.sinkErrors { warn("newskit-demo extract: \(e)") }
        let sinkFailures = SinkOptions.close(sinks) + summary.sinkErrors.count
        let failures = summary.failed + unreadable
        let adapters = summary.byAdapter.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        let kinds = summary.byFailure.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        warn("extracted \(summary.extracted) of \(files.count - summary.skipped) page(s)" + (adapters.isEmpty ? "" : " (\(adapters))")
             + "; \(state.warnings) warning(s); \(failures) failure(s)" + (kinds.isEmpty ? "" : " (\(kinds))")
             + (summary.skipped > 0 ? "; \(summary.skipped) already stored, skipped" : "")
             + (sinks.isEmpty ? "" : String(format: "; %.1f pages/s", summary.seconds > 0 ? Double(summary.extracted + summary.failed) / summary.seconds : 0)))
        return failures > 0 || sinkFailures > 0 ? 1 : 0
    }

    /// The inputs of a list of paths, made one at a time (`-` is the page read from standard input).
    struct FileInputs: Sequence, Sendable {
        let files: [String]
        let standardInput: Page?

        /// Reads standard input up front when `-` is among the files (naming a failure on
        /// stderr); files are opened as the pipeline reaches them. Returns how many inputs
        /// could not be read here.
        static func make(_ files: [String], command: String) -> (FileInputs, unreadable: Int) {
            guard files.contains("-") else { return (FileInputs(files: files, standardInput: nil), 0) }
            do throws(InputError) {
                return (FileInputs(files: files, standardInput: try InputFiles.page("-")), 0)
            } catch {
                warn("newskit-demo \(command): \(error.description)")
                return (FileInputs(files: files, standardInput: nil), 1)
            }
        }

        func makeIterator() -> AnyIterator<PipelineInput> {
            var i = 0
            return AnyIterator {
                while i < files.count {
                    let path = files[i]
                    i += 1
                    if path != "-" {
                        ExtractWorker.current?.reach(path)
                        return .file(path)
                    }
                    if let page = standardInput { return .page(page) }
                }
                return nil
            }
        }
    }

    /// Extracts every response record of a WARC file, lazily.
    static func replay(_ path: String, adapterID: String?, problems: [String], enrichers: [any ArticleEnricher], stories: StoryTracker?,
                       sinks: [any ArticleSink]) async -> Int32 {
        guard problems.isEmpty else {
            problems.forEach { warn("newskit-demo extract: \($0)") }
            return 2
        }
        let reader: WARCReader
        do { reader = try WARCReader(path: path) } catch {
            warn("newskit-demo extract: \(error.description)")
            return 1
        }
        // Pulled one record at a time as the pipeline asks, so memory stays flat for any archive size.
        // Records that cannot be read (truncated, not WARC) are named as they come and make the exit status 1.
        let unreadable = RecordFailures()
        let inputs = reader.inputs { failure in
            unreadable.add()
            FetchCommand.emitFailure(url: failure.url, message: failure.curlMessage ?? failure.reason)
        }
        let pipeline = Pipeline(registry: .builtIn, sinks: sinks, concurrency: 4, adapterID: adapterID, enrichers: enrichers, stories: stories,
                                resume: !sinks.isEmpty)
        let status = await FetchCommand.run(pipeline, inputs: inputs, total: 0, fetcher: nil, warc: nil, label: "replay")
        let failed = unreadable.count
        if failed > 0 { warn("replay: \(failed) record(s) of \(path) could not be read") }
        return failed > 0 ? max(status, 1) : status
    }

    /// Counts the WARC records that could not be read (called from the pipeline's input stream).
    final class RecordFailures: @unchecked Sendable {
        private let lock = NSLock()
        private var failures = 0
        func add() { lock.withLock { failures += 1 } }
        var count: Int { lock.withLock { failures } }
    }

    /// What the extraction loop accumulates; touched only by the pipeline's deliveries, one at a time.
    final class ExtractState: @unchecked Sendable {
        var out = Output()
        var extracted: [Article] = []
        var warnings = 0
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

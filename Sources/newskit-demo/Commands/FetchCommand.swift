import Foundation
import NewsKit
import NewsKitAdapters

/// `newskit-demo fetch URL...` and `newskit-demo crawl FEED-OR-SITEMAP-URL...`.
enum FetchCommand {
    static let optionsHelp = """
      --timeout SECONDS   total time per request, 0.1 to 3600 (default 30)
      --retries N         retries on connection errors, timeouts, 429 and 5xx (default 3)
      --concurrency N     transfers at once (default 8)
      --per-host N        transfers at once to one host (default 2)
      --delay SECONDS     minimum time between requests to one host, 0 to 3600 (default 1)
      --max-crawl-delay SECONDS
                          the longest robots.txt Crawl-delay obeyed, 0 to 3600 (default 30); a
                          host asking for more is capped, with a warning naming it
      --user-agent S      the User-Agent sent
      --cache DIR         keep responses in DIR; a rerun asks only for what changed (ETag, Last-Modified)
      --warc FILE         archive every response to FILE (.warc or .warc.gz)
      --ignore-robots     do not obey robots.txt (politeness is on unless asked)
      --adapter ID        use this adapter for every page
    \(EnrichmentOptions.usage)
    \(SinkOptions.usage)
    """

    static let fetchUsage = """
    usage: newskit-demo fetch URL... [options]
    Fetches each URL and extracts its article: JSON Lines on stdout, each failure as one line
    {"error": …, "url": …} (and on stderr); progress and a summary on stderr.
    \(optionsHelp)
    """

    static let crawlUsage = """
    usage: newskit-demo crawl FEED-OR-SITEMAP-URL... [--since DATE] [--limit N] [options]
    Reads RSS/Atom feeds, sitemaps, sitemap indexes and Google News sitemaps (or, given an
    adapter id such as `yonhap`, that site's feeds), then fetches and extracts the articles found.
      --since DATE        only articles listed as published on or after DATE (2025-08-13 or ISO-8601)
      --limit N           at most N articles
    \(optionsHelp)
    """

    static let flags: Set<String> = Set(["help", "ignore-robots"]).union(EnrichmentOptions.flags)
    static let valueOptions: Set<String> = Set(["timeout", "retries", "concurrency", "per-host", "delay", "max-crawl-delay", "user-agent", "cache", "warc", "adapter", "since", "limit", "sink"])
        .union(EnrichmentOptions.options)

    /// Builds the fetcher and pipeline from the shared options.
    static func makePipeline(_ args: inout Arguments) -> (Pipeline, PoliteFetcher, WARCWriter?)? {
        var config = PoliteFetcher.Configuration()
        config.options.timeout = args.double("timeout", default: 30, range: 0.1...3600)
        config.options.connectTimeout = min(10, config.options.timeout)
        config.retry = RetryPolicy(retries: args.int("retries", default: 3, range: 0...20))
        config.maximumConcurrent = args.int("concurrency", default: 8, range: 1...1024)
        config.maximumPerHost = args.int("per-host", default: 2, range: 1...256)
        config.delay = args.double("delay", default: 1, range: 0...PoliteFetcher.Configuration.maximumDelay)
        config.maximumCrawlDelay = args.double("max-crawl-delay", default: 30, range: 0...PoliteFetcher.Configuration.maximumDelay)
        if let ua = args.value("user-agent") { config.options.userAgent = ua }
        config.respectRobots = !args.has("ignore-robots")
        config.onWarning = { warn("newskit-demo: warning: \($0)") }
        config.cacheDirectory = args.value("cache")
        let registry = AdapterRegistry.builtIn
        if let a = args.value("adapter"), registry.adapter(id: a) == nil { args.problems.append("no adapter \"\(a)\"") }
        let enrichers = EnrichmentOptions.enrichers(&args)
        let sinks = SinkOptions.sinks(args.values("sink"), problems: &args.problems)
        guard args.problems.isEmpty else { return nil }
        var warc: WARCWriter? = nil
        do {
            if let path = args.value("warc") { warc = try WARCWriter(path: path) }
            let fetcher = try PoliteFetcher(configuration: config, archive: warc)
            let pipeline = Pipeline(registry: registry, fetcher: fetcher, sinks: sinks, concurrency: config.maximumConcurrent,
                                    adapterID: args.value("adapter"), fetchOptions: config.options,
                                    enrichers: enrichers, stories: args.has("no-enrich") ? nil : StoryTracker(), resume: !sinks.isEmpty)
            return (pipeline, fetcher, warc)
        } catch {
            args.problems.append(error.description)
            return nil
        }
    }

    static func fetch(_ raw: [String]) async -> Int32 {
        var args = Arguments(raw, flags: flags, options: valueOptions)
        if args.has("help") { print(fetchUsage); return 0 }
        var urls: [URL] = []
        var dedupe = URLDeduplicator()
        for p in args.positionals {
            guard let u = URL(string: p), let s = u.scheme, s == "http" || s == "https" else { args.problems.append("not an http(s) URL: \(p)"); continue }
            if dedupe.insert(p) { urls.append(u) }
        }
        if urls.isEmpty && args.problems.isEmpty { args.problems.append("give at least one URL") }
        guard let (pipeline, fetcher, warc) = makePipeline(&args), args.problems.isEmpty else {
            args.problems.forEach { warn("newskit-demo fetch: \($0)") }
            warn(fetchUsage)
            return 2
        }
        return await run(pipeline, inputs: urls.map { .url($0) }, total: urls.count, fetcher: fetcher, warc: warc, label: "fetch")
    }

    static func crawl(_ raw: [String]) async -> Int32 {
        var args = Arguments(raw, flags: flags, options: valueOptions)
        if args.has("help") { print(crawlUsage); return 0 }
        var since: Instant? = nil
        if let s = args.value("since") {
            since = Instant(iso8601: s) ?? KoreanDates.parse(s)
            if since == nil { args.problems.append("--since must be a date such as 2025-08-13, not \(s)") }
        }
        let limit = args.int("limit", default: Int.max, range: 1...Int.max)
        var listings: [String] = []
        for p in args.positionals {
            if let adapter = AdapterRegistry.builtIn.adapter(id: p) {
                if adapter.feeds.isEmpty { args.problems.append("adapter \(p) names no feeds") }
                listings += adapter.feeds
            } else if let u = URL(string: p), u.scheme == "http" || u.scheme == "https" {
                listings.append(p)
            } else {
                args.problems.append("not an http(s) URL or an adapter id: \(p)")
            }
        }
        if listings.isEmpty && args.problems.isEmpty { args.problems.append("give at least one feed or sitemap URL") }
        guard let (pipeline, fetcher, warc) = makePipeline(&args), args.problems.isEmpty else {
            args.problems.forEach { warn("newskit-demo crawl: \($0)") }
            warn(crawlUsage)
            return 2
        }
        let found = await Discovery.discover(listings, fetcher: fetcher, options: pipeline.fetchOptions, since: since, limit: limit)
        for f in found.failures { emitFailure(url: f.url, message: f.reason) }
        warn("crawl: \(found.urls.count) article URL(s) from \(found.listingsRead) listing(s)"
             + (found.failures.isEmpty ? "" : ", \(found.failures.count) listing(s) failed"))
        return await run(pipeline, inputs: found.urls.map { .url($0) }, total: found.urls.count, fetcher: fetcher, warc: warc, label: "crawl",
                         initialFailures: found.failures.count)
    }

    static let outputLock = NSLock()
    nonisolated(unsafe) static var output = Output()

    static func emitFailure(url: String, message: String) {
        warn("newskit-demo: \(url): \(message)")
        outputLock.withLock {
            output.line(JSONLiteral.object(["url": JSONLiteral.quote(url), "error": JSONLiteral.quote(message)]))
        }
    }

    /// Runs the pipeline, printing articles and failures as they come, progress on stderr.
    static func run(_ pipeline: Pipeline, inputs: [PipelineInput], total: Int, fetcher: PoliteFetcher?, warc: WARCWriter?,
                    label: String, initialFailures: Int = 0) async -> Int32 {
        await run(pipeline, inputs: PipelineInputs(inputs), total: total, fetcher: fetcher,
                  warc: warc, label: label, initialFailures: initialFailures)
    }

    static func run<S: AsyncSequence & Sendable>(_ pipeline: Pipeline, inputs: S, total: Int, fetcher: PoliteFetcher?, warc: WARCWriter?,
                                                 label: String, initialFailures: Int = 0) async -> Int32 where S.Element == PipelineInput {
        let progress = Progress(label: label, total: total)
        let summary = await pipeline.run(inputs) { event in
            switch event {
            case .extracted(let article):
                if pipeline.sinks.isEmpty { outputLock.withLock { output.line(article.jsonLine) } }
                progress.record(failed: false)
            case .failed(let f):
                if f.isURL { emitFailure(url: f.input, message: f.message) } else {
                    warn("newskit-demo: \(f.description)")
                    outputLock.withLock { output.line(JSONLiteral.object(["path": JSONLiteral.quote(f.input), "error": JSONLiteral.quote(f.message)])) }
                }
                progress.record(failed: true)
            }
        }
        outputLock.withLock { output.flush() }
        progress.finish()
        warc?.close()
        for e in fetcher?.archiveFailures ?? [] { warn("newskit-demo: archive: \(e)") }
        for e in summary.sinkErrors { warn("newskit-demo: \(e)") }
        let sinkFailures = SinkOptions.close(pipeline.sinks) + summary.sinkErrors.count
        let adapters = summary.byAdapter.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        let failures = summary.byFailure.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        warn("\(label): \(summary.extracted) of \(summary.inputs) page(s) extracted in \(String(format: "%.1f", summary.seconds)) s"
             + (adapters.isEmpty ? "" : " (\(adapters))") + (failures.isEmpty ? "" : "; failures: \(failures)")
             + (summary.skipped > 0 ? "; \(summary.skipped) already stored, skipped" : "")
             + (warc.map { "; archived \($0.records - 1) response(s) to \($0.path)" } ?? ""))
        return summary.failed + initialFailures + sinkFailures > 0 ? 1 : 0
    }
}

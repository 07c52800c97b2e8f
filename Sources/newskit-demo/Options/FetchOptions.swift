import Foundation
import NewsKit

/// The options `fetch`, `crawl` and `discover` share, read into a polite fetcher, its archive
/// and a pipeline.
enum FetchOptions {
    /// The polite fetcher's configuration the options ask for (`--jobs` only where the command
    /// takes it).
    static func configuration(_ args: ParsedArguments) -> PoliteFetcher.Configuration {
        let command = args.command.name
        var config = PoliteFetcher.Configuration()
        config.options.timeout = args.seconds("timeout")!
        config.options.connectTimeout = min(10, config.options.timeout)
        config.retry = RetryPolicy(retries: args.int("retries")!)
        if args.takes("jobs") { config.maximumConcurrent = args.int("jobs")! }
        config.maximumPerHost = args.int("per-host")!
        config.delay = args.seconds("delay")!
        config.maximumCrawlDelay = args.seconds("max-crawl-delay")!
        if let ua = args.text("user-agent") { config.options.userAgent = ua }
        config.respectRobots = !args.has("ignore-robots")
        config.onWarning = { warn("newskit-demo \(command): warning: \($0)") }
        config.cacheDirectory = args.text("cache")
        return config
    }

    /// The pipeline, fetcher and archive the options ask for; nil with `problems` said when
    /// something cannot be used (nothing is opened when `problems` is not empty on entry).
    static func pipeline(_ args: ParsedArguments, problems: inout [String]) -> (Pipeline, PoliteFetcher, WARCWriter?)? {
        let config = configuration(args)
        problems += SinkOptions.problems(args.texts("sink"))
        if let problem = AdapterChoice.problem(args) { problems.append(problem) }
        let enrichers = EnrichmentOptions.enrichers(args, problems: &problems)
        guard problems.isEmpty else { return nil }
        let sinks = SinkOptions.open(args.texts("sink"), problems: &problems)
        guard problems.isEmpty else { return nil }
        var warc: WARCWriter? = nil
        do {
            if let path = args.text("warc") { warc = try WARCWriter(path: path) }
            let fetcher = try PoliteFetcher(configuration: config, archive: warc)
            let pipeline = Pipeline(registry: .builtIn, fetcher: fetcher, sinks: sinks, concurrency: config.maximumConcurrent,
                                    adapterID: args.text("adapter"), fetchOptions: config.options,
                                    enrichers: enrichers, stories: EnrichmentOptions.stories(args), resume: !sinks.isEmpty,
                                keepsNonArticles: args.text("non-articles") == "keep")
            return (pipeline, fetcher, warc)
        } catch {
            problems.append(error.description)
            return nil
        }
    }

    /// Where the articles go on standard output (none when they go to sinks; failure lines still do, in jsonl).
    static func output(_ args: ParsedArguments, _ pipeline: Pipeline) -> ArticleOutput {
        ArticleOutput(format: OutputFormat.chosen(args.text("format")), writesArticles: pipeline.sinks.isEmpty, writesFailures: true)
    }
}

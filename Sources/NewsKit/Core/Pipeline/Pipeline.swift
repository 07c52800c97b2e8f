import Foundation

/// One way through for every entry point: inputs → (fetch) → document → adapter → sinks, with
/// bounded concurrency. Inputs are pulled lazily and results reach the sinks in input order
/// (or as they finish, with `ordered: false`), so memory stays bounded however many inputs a
/// run has. Cancelling the task that runs it stops the run within about one page's time.
///
/// ```swift
/// let pipeline = Pipeline(registry: .builtIn, fetcher: try PoliteFetcher(), sinks: [try .jsonLines(path: "out.jsonl")])
/// for await event in pipeline.events(for: PipelineInput.files(under: ["pages/"])) {
///     if case .extracted(let article) = event { print(article.title ?? "(untitled)") }
/// }
/// ```
public final class Pipeline: Sendable {
    /// The adapters an adapter is chosen from for each page (and whose request headers a fetch sends).
    public let registry: AdapterRegistry
    /// Fetches ``PipelineInput/url(_:)`` inputs; nil makes each of them a ``PipelineFailureKind/noFetcher`` failure.
    public let fetcher: (any Fetcher)?
    /// Where the articles go, each article to every sink in turn; empty for a run that only
    /// reports events.
    public let sinks: [any ArticleSink]
    /// Inputs worked on at once.
    public let concurrency: Int
    /// Use this adapter instead of choosing one.
    public let adapterID: String?
    /// How every page is read into a ``Document``; its byte limit also applies to files read.
    public let documentOptions: DocumentOptions
    /// Timeouts and limits for fetched inputs.
    public let fetchOptions: FetchOptions
    /// Run on every article after extraction (entities, event dates), concurrently.
    public let enrichers: [any ArticleEnricher]
    /// Assigns duplicates, stories and repost links as articles finish, one at a time.
    public let stories: StoryTracker?
    /// Deliver results in input order (a finished result waits for the ones before it); false
    /// delivers them as they finish.
    public let ordered: Bool
    /// Skip inputs every sink already stores (see ``ResumableSink``).
    public let resume: Bool
    /// Articles between sink flushes (each flush makes a batch durable).
    public let batchSize: Int
    /// Deliver what a page that is not an article states (``ExtractionError/page``: its title,
    /// dates and teasers, ``Article/pageKind`` `thin` or `index`) to the sinks as an article,
    /// instead of counting the page as failed.
    public let keepsNonArticles: Bool
    /// Give a saved file the URL its `.url` file names (``SavedPageURL``), so the site's adapter
    /// reads it as it would the fetched page.
    public let readsURLFiles: Bool

    /// Makes a pipeline; nothing runs until `run(_:onEvent:)` is called.
    /// - Parameters:
    ///   - registry: the adapters to choose from.
    ///   - fetcher: fetches URL inputs; nil when the run has none.
    ///   - sinks: where articles go.
    ///   - concurrency: inputs worked on at once (at least 1).
    ///   - adapterID: an adapter to use for every page; nil chooses one per page.
    ///   - documentOptions: the size limit and, if forced, the document kind.
    ///   - fetchOptions: timeouts and limits for fetched inputs.
    ///   - enrichers: run on every article after extraction, in order.
    ///   - stories: links duplicates, stories and reposts as articles are delivered; nil for none.
    ///   - ordered: deliver results in input order (the default); false delivers them as they finish.
    ///   - resume: skip inputs every sink already stores.
    ///   - batchSize: articles between sink flushes (at least 1).
    ///   - keepsNonArticles: deliver what thin and index pages state instead of failing them.
    ///   - readsURLFiles: read a file's URL from the `.url` file beside it, when there is one.
    public init(registry: AdapterRegistry, fetcher: (any Fetcher)? = nil, sinks: [any ArticleSink] = [], concurrency: Int = 8,
                adapterID: String? = nil, documentOptions: DocumentOptions = DocumentOptions(), fetchOptions: FetchOptions = FetchOptions(),
                enrichers: [any ArticleEnricher] = [], stories: StoryTracker? = nil, ordered: Bool = true, resume: Bool = false,
                batchSize: Int = 100, keepsNonArticles: Bool = false, readsURLFiles: Bool = true) {
        self.registry = registry
        self.fetcher = fetcher
        self.sinks = sinks
        self.concurrency = max(1, concurrency)
        self.adapterID = adapterID
        self.documentOptions = documentOptions
        self.fetchOptions = fetchOptions
        self.enrichers = enrichers
        self.stories = stories
        self.ordered = ordered
        self.resume = resume
        self.batchSize = max(1, batchSize)
        self.keepsNonArticles = keepsNonArticles
        self.readsURLFiles = readsURLFiles
    }

    /// Runs over a sequence of inputs, taken one at a time as the pipeline has room (a lazy
    /// sequence keeps even the inputs out of memory until they are worked on).
    /// - Parameters:
    ///   - inputs: the files, URLs and pages to work on; a collection's count is the
    ///     ``PipelineEvent/started(total:)`` total.
    ///   - onEvent: called for every ``PipelineEvent``, one call at a time, in order: `started`,
    ///     one event per input worked on (not for skipped ones; after the sinks have received
    ///     the article), `finished`.
    /// - Returns: the run's counts, as the `AsyncSequence` form returns them.
    public func run<S: Sequence & Sendable>(_ inputs: S, onEvent: @escaping @Sendable (PipelineEvent) -> Void = { _ in }) async -> PipelineSummary
    where S.Element == PipelineInput {
        await run(PipelineInputs(inputs), total: (inputs as? any Collection)?.count, onEvent: onEvent)
    }

    /// The run's events as an `AsyncSequence`: ``PipelineEvent/started(total:)``, one event
    /// per input, ``PipelineEvent/finished(_:)``. The run starts when iteration starts and waits
    /// for the consumer (an event is handed over before the next input is delivered), so a slow
    /// consumer holds the run back instead of piling up articles; ending the iteration early, or
    /// cancelling the task that iterates, cancels the run.
    /// - Parameter inputs: the files, URLs and pages to work on.
    /// - Returns: the events, ending after `finished`.
    public func events<S: Sequence & Sendable>(for inputs: S) -> PipelineEvents where S.Element == PipelineInput {
        let total = (inputs as? any Collection)?.count
        return PipelineEvents { [self] send in
            _ = await run(PipelineInputs(inputs), total: total, send: send)
        }
    }

    /// The run's events over inputs produced lazily, as an `AsyncSequence` (see ``events(for:)``).
    /// - Parameters:
    ///   - inputs: the inputs, read as the run has room.
    ///   - total: how many there are, when known, for ``PipelineEvent/started(total:)``.
    /// - Returns: the events, ending after `finished`.
    public func events<S: AsyncSequence & Sendable>(for inputs: S, total: Int? = nil) -> PipelineEvents where S.Element == PipelineInput {
        PipelineEvents { [self] send in
            _ = await run(inputs, total: total, send: send)
        }
    }

    /// Runs over inputs produced lazily (a WARC file, a crawl's discoveries).
    ///
    /// At most ``concurrency`` inputs are worked on at once and at most as many finished results
    /// wait for delivery, so memory is bounded however many inputs there are. Results reach the
    /// sinks and `onEvent` one at a time: in input order, or as they finish when ``ordered`` is
    /// false. Sinks are flushed every ``batchSize`` articles and at the end (not closed).
    ///
    /// Cancelling the task stops the run: no new input is taken, pages being read or extracted
    /// finish, fetches in flight stop and are reported as ``PipelineEvent/cancelled(input:)``;
    /// the sinks are flushed and ``PipelineSummary/wasCancelled`` is set.
    /// - Parameters:
    ///   - inputs: the files, URLs and pages to work on; an error thrown by the sequence ends
    ///     the run as its end would.
    ///   - total: how many inputs there are, when known, for ``PipelineEvent/started(total:)``.
    ///   - onEvent: called for every ``PipelineEvent``, one call at a time, in order: `started`,
    ///     one event per input worked on (not for skipped ones; after the sinks have received
    ///     the article), `finished`.
    /// - Returns: the run's counts, failures by kind, sink errors and duration; a run never
    ///   throws, failures are counted and reported as events.
    public func run<S: AsyncSequence & Sendable>(_ inputs: S, total: Int? = nil, onEvent: @escaping @Sendable (PipelineEvent) -> Void = { _ in }) async -> PipelineSummary
    where S.Element == PipelineInput {
        await run(inputs, total: total, send: { event in onEvent(event) })
    }

    /// The run itself; `send` gets every event in order and may suspend (``events(for:)``).
    private func run<S: AsyncSequence & Sendable>(_ inputs: S, total: Int?, send: (PipelineEvent) async -> Void) async -> PipelineSummary
    where S.Element == PipelineInput {
        let started = Date()
        var summary = PipelineSummary()
        let skip = resume ? storedInputs(&summary) : []
        // A resumed run's story tracker first sees what the earlier run stored.
        if resume, !skip.isEmpty, let stories {
            for sink in sinks {
                guard let r = sink as? any ResumableSink else { continue }
                do { if try r.forEachStoredArticle({ stories.prime($0) }) { break } } catch { summary.sinkErrors.append(error.description) }
            }
        }
        await send(.started(total: total))
        await withTaskGroup(of: (Int, PipelineEvent).self) { group in
            var inFlight = 0
            var nextSequence = 0
            var nextToDeliver = 0
            var waiting: [Int: PipelineEvent] = [:]
            var sinceFlush = 0
            var iterator = inputs.makeAsyncIterator()
            func deliver(_ event: PipelineEvent) async {
                var event = event
                if case .extracted(var article) = event, let stories {
                    stories.assign(&article)
                    event = .extracted(article)
                }
                switch event {
                case .extracted(let article):
                    summary.extracted += 1
                    summary.byAdapter[article.adapter.id, default: 0] += 1
                    for sink in sinks {
                        do { try sink.receive(article) } catch { summary.sinkErrors.append(error.description) }
                    }
                    sinceFlush += 1
                    if sinceFlush >= batchSize {
                        sinceFlush = 0
                        flushSinks(&summary)
                    }
                case .failed(let f):
                    summary.failed += 1
                    summary.byFailure[f.kind, default: 0] += 1
                case .cancelled:
                    summary.cancelled += 1
                case .started, .finished:
                    break
                }
                await send(event)
            }
            func finished(_ sequence: Int, _ event: PipelineEvent) async {
                guard ordered else { await deliver(event); return }
                waiting[sequence] = event
                while let e = waiting.removeValue(forKey: nextToDeliver) {
                    await deliver(e)
                    nextToDeliver += 1
                }
            }
            while true {
                // A cancelled run takes no new input; what is in flight finishes below.
                if Task.isCancelled {
                    summary.wasCancelled = true
                    break
                }
                let next: PipelineInput?
                do { next = try await iterator.next() } catch { next = nil }
                guard let input = next else { break }
                summary.inputs += 1
                if skip.contains(input.name) {
                    summary.skipped += 1
                    continue
                }
                let sequence = nextSequence
                nextSequence += 1
                group.addTask { (sequence, await self.process(input)) }
                inFlight += 1
                // Finished results waiting for an earlier one count against the window too.
                while inFlight + waiting.count >= concurrency * 2 || inFlight >= concurrency, let (seq, event) = await group.next() {
                    inFlight -= 1
                    await finished(seq, event)
                }
            }
            while let (seq, event) = await group.next() { await finished(seq, event) }
        }
        if Task.isCancelled { summary.wasCancelled = true }
        flushSinks(&summary)
        summary.seconds = Date().timeIntervalSince(started)
        await send(.finished(summary))
        return summary
    }

    /// The inputs every sink already stores (none unless every sink can tell).
    private func storedInputs(_ summary: inout PipelineSummary) -> Set<String> {
        var common: Set<String>?
        for sink in sinks {
            guard let r = sink as? any ResumableSink else { return [] }
            do {
                let keys = try r.storedKeys().inputs
                common = common.map { $0.intersection(keys) } ?? keys
            } catch {
                summary.sinkErrors.append(error.description)
                return []
            }
        }
        return common ?? []
    }

    private func flushSinks(_ summary: inout PipelineSummary) {
        for sink in sinks {
            do { try sink.flush() } catch { summary.sinkErrors.append(error.description) }
        }
    }

    /// Reads, fetches and extracts one input.
    /// - Parameter input: the file, URL or page.
    /// - Returns: the article, enriched (but not given to the sinks or the story tracker), or
    ///   the failure: a file that cannot be read, a fetch error, an HTTP status of 400 or more,
    ///   a page that cannot be decoded or that no adapter reads.
    public func process(_ input: PipelineInput) async -> PipelineEvent {
        // A cancelled run starts nothing new (its inputs in flight may already be queued here).
        if Task.isCancelled { return .cancelled(input: input.name) }
        var page: Page
        switch input {
        case .file(let path):
            do { page = try Page.read(path: path, maximumBytes: documentOptions.maximumBytes) } catch {
                return .failed(PipelineFailure(input: path, kind: .input(error.code), message: error.message, isURL: false))
            }
            if readsURLFiles, page.url == nil, let url = SavedPageURL.sidecar(for: path) { page.requestedURL = url }
        case .page(let p):
            page = p
        case .url(let url):
            guard let fetcher else {
                return .failed(PipelineFailure(input: url.absoluteString, kind: .noFetcher, message: "no fetcher configured", isURL: true))
            }
            // The site's adapter may ask for headers of its own.
            let headers = registry.adapters.first { $0.claims(host: url.host) }?.requestHeaders ?? []
            do { page = try await fetcher.fetch(FetchRequest(url: url, headers: headers, options: fetchOptions)) } catch {
                if error.code == .cancelled || Task.isCancelled { return .cancelled(input: url.absoluteString) }
                return .failed(PipelineFailure(input: url.absoluteString, kind: .fetch(error.code), message: error.reason, isURL: true))
            }
        }
        if let status = page.httpStatus, status >= 400 {
            return .failed(PipelineFailure(input: input.name, kind: .fetch(.httpStatus), message: "HTTP \(status)", isURL: page.url != nil))
        }
        do {
            let document = try Document(page: page, options: documentOptions)
            // The same step as ``ArticleReader``'s, so a run and a single read agree.
            return .extracted(try ArticleReader.extract(document, registry: registry, enrichers: enrichers, adapterID: adapterID))
        } catch let e as InputError {
            return .failed(PipelineFailure(input: input.name, kind: .input(e.code), message: e.message, isURL: page.url != nil))
        } catch let e as ExtractionError {
            if keepsNonArticles, let stated = e.page { return .extracted(stated) }
            return .failed(PipelineFailure(input: input.name, kind: .extraction(e.code), message: e.message, isURL: page.url != nil))
        } catch {
            return .failed(PipelineFailure(input: input.name, kind: .other, message: "\(error)", isURL: page.url != nil))
        }
    }
}

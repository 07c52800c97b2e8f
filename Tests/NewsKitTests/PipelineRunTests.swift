import Foundation
import Testing
import NewsKit
import TestHTTPServer

/// How a run reports (events, typed failure kinds), how it walks folders, its order, and how it
/// stops when its task is cancelled.
@Suite struct PipelineRunTests {
    static var registry: AdapterRegistry { PipelineSinkTests.registry }

    @Test func theShardsOfARunAreDisjointAndTogetherAreTheWholeRun() {
        #expect(Shard.stableHash("a") == 0xaf63_dc4c_8601_ec8c, "FNV-1a 64, the same on every machine")
        #expect(Shard(parsing: "2/8") == Shard(index: 2, of: 8) && Shard(parsing: "2/8")?.description == "2/8")
        for bad in ["8/8", "-1/8", "1/0", "1", "a/b", "1/2/3", ""] { #expect(Shard(parsing: bad) == nil, "\(bad)") }
        let keys = (0..<2000).map { "pages/\($0).html" }
        let shards = (0..<8).map { i in keys.filter { Shard(index: i, of: 8)!.contains($0) } }
        #expect(shards.reduce(0) { $0 + $1.count } == keys.count, "every key in exactly one shard")
        #expect(Set(shards.flatMap { $0 }) == Set(keys))
        #expect(shards.allSatisfy { (150...350).contains($0.count) }, "roughly even: \(shards.map(\.count))")
        #expect(Shard.hostKey(URL(string: "https://WWW.Yna.co.kr/view/1")!) == "www.yna.co.kr")
    }

    @Test func inputOrderIsTheDefault() async throws {
        let paths = try PipelineSinkTests.files(24)
        let memory = InMemorySink()
        let pipeline = Pipeline(registry: Self.registry, sinks: [memory], concurrency: 4)
        #expect(pipeline.ordered)
        _ = await pipeline.run(paths.map { PipelineInput.file($0) })
        #expect(memory.articles.map(\.file) == paths)
    }

    @Test func eventsStartWithTheTotalAndEndWithTheSummary() async throws {
        let paths = try PipelineSinkTests.files(3) + ["/nonexistent/newskit-missing.html"]
        var events: [PipelineEvent] = []
        for await event in Pipeline(registry: Self.registry).events(for: paths.map { PipelineInput.file($0) }) {
            events.append(event)   // a plain variable: the sequence needs no lock
        }
        #expect(events.count == 6)
        guard case .started(let total) = events.first, case .finished(let summary) = events.last else {
            Issue.record("events do not start with started and end with finished: \(events)")
            return
        }
        #expect(total == 4)
        #expect(summary.extracted == 3 && summary.failed == 1 && !summary.wasCancelled)
        let files = events.compactMap { if case .extracted(let a) = $0 { a.file } else { nil } }
        #expect(files == Array(paths.prefix(3)))
        guard case .failed(let failure) = events[4] else {
            Issue.record("the missing file is not the fifth event: \(events[4])")
            return
        }
        #expect(failure.kind == .input(.notFound))
        #expect(failure.kind.description == "input.notFound")
        #expect(summary.byFailure == [.input(.notFound): 1])
    }

    @Test func aURLWithoutAFetcherIsANoFetcherFailure() async {
        let summary = await Pipeline(registry: Self.registry).run([PipelineInput.url(URL(string: "https://news.example/1")!)])
        #expect(summary.byFailure == [.noFetcher: 1])
    }

    @Test func aFolderIsWalkedIntoItsDocumentsSorted() throws {
        let paths = try PipelineSinkTests.files(3)
        let dir = (paths[0] as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
        try Data("<p>x</p>".utf8).write(to: URL(fileURLWithPath: dir + "/sub/inner.htm"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: dir + "/notes.json"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: dir + "/.hidden.html"))
        let inputs = PipelineInput.files(under: [dir, "/nonexistent/file.html"])
        #expect(inputs == (paths + [dir + "/sub/inner.htm"]).sorted().map { .file($0) } + [.file("/nonexistent/file.html")])
    }

    @Test func aSavedFileTakesTheURLItsURLFileNames() async throws {
        let paths = try PipelineSinkTests.files(2)
        try Data("https://news.example/saved/0\n".utf8).write(to: URL(fileURLWithPath: SavedPageURL.sidecarPath(for: paths[0])))
        #expect(SavedPageURL.sidecarPath(for: "/a/b/page.html") == "/a/b/page.url")
        let memory = InMemorySink()
        _ = await Pipeline(registry: Self.registry, sinks: [memory]).run(paths.map { PipelineInput.file($0) })
        #expect(memory.articles.map(\.url?.absoluteString) == ["https://news.example/saved/0", nil])
        let off = InMemorySink()
        _ = await Pipeline(registry: Self.registry, sinks: [off], readsURLFiles: false).run(paths.map { PipelineInput.file($0) })
        #expect(off.articles.map(\.url) == [nil, nil])
        #expect(SavedPageURL.parse("ftp://x/y") == nil && SavedPageURL.parse("/relative") == nil)
    }

    @Test func aCancelledRunOfFilesStopsWithinAFewPages() async throws {
        let paths = try PipelineSinkTests.files(400)
        let memory = InMemorySink()
        let pipeline = Pipeline(registry: Self.registry, sinks: [memory], concurrency: 2)
        let inputs = paths.map { PipelineInput.file($0) }
        let summary = await Task {
            await pipeline.run(inputs) { event in
                // Cancel the run's own task (this one) once five articles are in.
                if case .extracted = event, memory.articles.count == 5 { withUnsafeCurrentTask { $0?.cancel() } }
            }
        }.value
        #expect(summary.wasCancelled)
        #expect(summary.failed == 0)
        // The pages already taken (at most twice the concurrency) finish; nothing after them starts.
        #expect(summary.extracted >= 5 && summary.extracted <= 5 + 2 * 2 + 1)
        #expect(summary.extracted + summary.cancelled == summary.inputs)
        #expect(memory.articles.count == summary.extracted)
    }

    @Test func fetchesInFlightWhenARunIsCancelledCountAsCancelledNotFailed() async throws {
        // Stalls longer than any cancel could take (under a busy test pool too): a fetch that was
        // not stopped by the cancel ends as a failure, never as cancelled.
        let server = try LocalHTTPServer { _ in .stall(seconds: 30) }
        defer { server.stop() }
        let fetcher = CurlFetcher(maximumConcurrentTransfers: 4)
        let pipeline = Pipeline(registry: Self.registry, fetcher: fetcher, concurrency: 4)
        let urls = (0..<20).map { PipelineInput.url(server.url("/\($0)")) }
        let run = Task { await pipeline.run(urls) }
        try await Task.sleep(for: .milliseconds(300))
        run.cancel()
        let summary = await run.value
        #expect(summary.wasCancelled)
        #expect(summary.failed == 0 && summary.extracted == 0)
        #expect(summary.cancelled == summary.inputs && summary.cancelled >= 1 && summary.cancelled <= 8)
    }

    @Test func leavingTheEventLoopEarlyCancelsTheRun() async throws {
        let paths = try PipelineSinkTests.files(300)
        let memory = InMemorySink()
        let pipeline = Pipeline(registry: Self.registry, sinks: [memory], concurrency: 2)
        for await event in pipeline.events(for: paths.map { PipelineInput.file($0) }) {
            if case .extracted = event { break }
        }
        // The run stops on its own task; wait until its sink stops growing.
        var last = -1
        for _ in 0..<50 where memory.articles.count != last {
            last = memory.articles.count
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(memory.articles.count < 20)
    }
}

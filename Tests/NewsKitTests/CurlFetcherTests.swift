import Foundation
import Testing
import NewsKit
@testable import NewsKitHTML
@testable import NewsKitCore
@testable import NewsKitFetching
@testable import NewsKitSQLite
import TestHTTPServer

/// libcurl transfers against servers on 127.0.0.1 that the tests start themselves.
@Suite struct CurlFetcherTests {
    static let fetcher = CurlFetcher(maximumConcurrentTransfers: 16)

    static func options(timeout: Double = 5) -> FetchOptions {
        var o = FetchOptions()
        o.timeout = timeout
        o.connectTimeout = 2
        return o
    }

    @Test func fetchesAPageWithItsProvenance() async throws {
        let server = try LocalHTTPServer { r in .respond(.html("<p>안녕 \(r.path)</p>", headers: [HTTPHeader(name: "X-Test", value: "1")])) }
        defer { server.stop() }
        let page = try await Self.fetcher.fetch(FetchRequest(url: server.url("/a?x=1"), headers: [HTTPHeader(name: "X-Adapter", value: "yonhap")]))
        #expect(page.httpStatus == 200)
        #expect(String(decoding: page.bytes, as: UTF8.self) == "<p>안녕 /a?x=1</p>")
        #expect(page.header("x-test") == "1")
        #expect(page.finalURL == server.url("/a?x=1"))
        #expect(page.fetchedAt != nil)
        #expect(server.requests.first?.header("X-Adapter") == "yonhap")
        #expect(server.requests.first?.header("User-Agent")?.hasPrefix("NewsKit/") == true)
    }

    @Test func redirectsAreFollowedAndTheFinalURLRecorded() async throws {
        let server = try LocalHTTPServer { r in
            switch r.path {
            case "/old": return .respond(.init(status: 301, headers: [HTTPHeader(name: "Location", value: "/middle")]))
            case "/middle": return .respond(.init(status: 302, headers: [HTTPHeader(name: "Location", value: "/new")]))
            case "/loop": return .respond(.init(status: 302, headers: [HTTPHeader(name: "Location", value: "/loop")]))
            default: return .respond(.html("final"))
            }
        }
        defer { server.stop() }
        let page = try await Self.fetcher.fetch(FetchRequest(url: server.url("/old")))
        #expect(page.finalURL == server.url("/new"))
        #expect(page.requestedURL == server.url("/old"))
        do { _ = try await Self.fetcher.fetch(FetchRequest(url: server.url("/loop"))); Issue.record("expected an error") } catch {
            #expect(error.code == .tooManyRedirects)
            #expect(error.url.hasSuffix("/loop"))
        }
    }

    @Test func gzipBodiesAreDecoded() async throws {
        let text = String(repeating: "북한과 러시아가 군사적 밀착을 강화하고 있다. ", count: 200)
        let server = try LocalHTTPServer { _ in .respond(LocalHTTPServer.Response(headers: [HTTPHeader(name: "Content-Type", value: "text/html")], body: Array(text.utf8), gzip: true)) }
        defer { server.stop() }
        let page = try await Self.fetcher.fetch(FetchRequest(url: server.url("/")))
        #expect(String(decoding: page.bytes, as: UTF8.self) == text)
        #expect(page.header("Content-Encoding") == "gzip")
        #expect(server.requests.first?.header("Accept-Encoding")?.contains("gzip") == true)
    }

    @Test func slowAndStalledResponsesTimeOut() async throws {
        let server = try LocalHTTPServer { r in r.path == "/stall" ? .stall(seconds: 10) : .respond(.init(status: 200, body: [65], delay: 10)) }
        defer { server.stop() }
        for path in ["/slow", "/stall"] {
            do { _ = try await Self.fetcher.fetch(FetchRequest(url: server.url(path), options: Self.options(timeout: 0.5))); Issue.record("expected a timeout") } catch {
                // A timeout, not the server's answer (it comes after 10 s): libcurl cut the transfer at
                // 0.5 s. The wall clock is not checked: when the test process's cooperative pool is
                // busy with other suites, resuming this task can wait longer than the server does.
                #expect(error.code == .timeout, "\(path): \(error)")
                #expect(error.isRetryable)
            }
        }
    }

    @Test func connectionResetsAndRefusalsAreConnectionErrors() async throws {
        let server = try LocalHTTPServer { _ in .reset }
        let port = server.port
        do { _ = try await Self.fetcher.fetch(FetchRequest(url: server.url("/"))); Issue.record("expected an error") } catch {
            #expect(error.code == .connection)
            #expect(error.curlMessage != nil)
        }
        server.stop()
        do { _ = try await Self.fetcher.fetch(FetchRequest(url: URL(string: "http://127.0.0.1:\(port)/")!, options: Self.options())); Issue.record("expected an error") } catch {
            #expect(error.code == .connection)
        }
    }

    @Test func oversizedBodiesAreRefused() async throws {
        let server = try LocalHTTPServer { _ in .respond(.init(status: 200, body: [UInt8](repeating: 65, count: 200_000))) }
        defer { server.stop() }
        var options = Self.options()
        options.maximumBodyBytes = 50_000
        do { _ = try await Self.fetcher.fetch(FetchRequest(url: server.url("/big"), options: options)); Issue.record("expected an error") } catch {
            #expect(error.code == .tooLarge)
        }
    }

    @Test func anEUCKRPageWithACP949OnlySyllableDecodes() async throws {
        // 똠방각하: 똠 (0x8C 0x63) exists only in CP949.
        let body: [UInt8] = Array("<html><head><title>".utf8) + [0x8C, 0x63, 0xB9, 0xE6, 0xB0, 0xA2, 0xC7, 0xCF] + Array("</title></head><body>x</body></html>".utf8)
        let server = try LocalHTTPServer { _ in .respond(.init(status: 200, headers: [HTTPHeader(name: "Content-Type", value: "text/html; charset=EUC-KR")], body: body)) }
        defer { server.stop() }
        let page = try await Self.fetcher.fetch(FetchRequest(url: server.url("/")))
        let doc = try Document(page: page)
        #expect(doc.encoding.encoding == .cp949)
        #expect(doc.encoding.source == .transport)
        #expect(doc.html?.title == "똠방각하")
    }

    @Test func cancellingTheTaskCancelsTheTransfer() async throws {
        // The stall outlasts any wait for a busy machine's threads: a transfer that ended with the
        // stall would fail otherwise than as cancelled, and take 60 s.
        let server = try LocalHTTPServer { _ in .stall(seconds: 60) }
        defer { server.stop() }
        let task = Task { try await Self.fetcher.fetch(FetchRequest(url: server.url("/"), options: Self.options(timeout: 30))) }
        try await Task.sleep(nanoseconds: 200_000_000)
        let started = Date()
        task.cancel()
        do { _ = try await task.value; Issue.record("expected cancellation") } catch let e as FetchError {
            #expect(e.code == .cancelled)
        }
        #expect(Date().timeIntervalSince(started) < 50, "cancellation must not wait for the 60 s stall")
    }

    /// A cancellation may reach the fetcher before the request does (the task is cancelled just as
    /// it starts): the transfer thread must keep it for the request, not drop it as unknown.
    @Test func cancellingAsTheRequestStartsStillCancels() async throws {
        let server = try LocalHTTPServer { _ in .stall(seconds: 60) }
        defer { server.stop() }
        let started = Date()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for k in 0..<60 {
                let task = Task { try await Self.fetcher.fetch(FetchRequest(url: server.url("/\(k)"), options: Self.options(timeout: 30))) }
                group.addTask {
                    if k % 3 != 0 { try await Task.sleep(nanoseconds: UInt64(k % 7) * 100_000) }
                    task.cancel()
                    do { _ = try await task.value; Issue.record("transfer \(k) was not cancelled") } catch let e as FetchError {
                        #expect(e.code == .cancelled)
                    }
                }
            }
            try await group.waitForAll()
        }
        // Each transfer ended as cancelled (checked above), not with the stall; the bound is for a
        // machine as loaded as CI's, whose test threads may wait seconds for their turn.
        #expect(Date().timeIntervalSince(started) < 50, "a cancellation waited for the 60 s stall")
    }

    @Test func manyTransfersRunAtOnce() async throws {
        let server = try LocalHTTPServer { r in .respond(.init(status: 200, body: Array(r.path.utf8), delay: 0.3)) }
        defer { server.stop() }
        let bodies = try await withThrowingTaskGroup(of: String.self) { group in
            for i in 0..<16 { group.addTask { String(decoding: try await Self.fetcher.fetch(FetchRequest(url: server.url("/\(i)"))).bytes, as: UTF8.self) } }
            var out: [String] = []
            for try await b in group { out.append(b) }
            return out
        }
        #expect(Set(bodies).count == 16)
        // Overlap is seen by the server (a wall-clock bound would fail on a busy machine).
        #expect(server.peakConcurrency >= 4, "transfers ran one at a time")
    }

    @Test func nonHTTPURLsAreRefused() async {
        do { _ = try await Self.fetcher.fetch(FetchRequest(url: URL(string: "file:///etc/passwd")!)); Issue.record("expected an error") } catch {
            #expect(error.code == .invalidURL)
        }
    }
}

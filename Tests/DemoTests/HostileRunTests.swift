import Foundation
import Testing
import NewsKit
import TestHTTPServer

/// Every row of the hostile-input table (issue 11), run through `newskit-demo` as a user would:
/// each ends with an exit status (never a signal or a hang), names what was wrong, and keeps
/// every good result of the run.
@Suite struct HostileRunTests {
    enum Row: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case deepPageAmongGoodOnes, millionDeepPage, crawlDelayInfinite, crawlDelayHuge, absurdCommandLineNumbers,
             deepUnclosedSitemap, quadraticFeed, robotsOverHalfAMegabyte, redirectToADisallowedHost, symlinkLoopsInAFolder,
             fifoAndDanglingLinks, nulInSQLiteText, fiftyMegabyteSitemap, warcCutInAChunkedBody, randomBytesAsWARC,
             utf16LabelOnUTF8, unreachableHost
        var testDescription: String { rawValue }
    }

    struct Outcome { var status: Int32; var signalled: Bool; var timedOut: Bool; var stdout: String; var stderr: String }

    /// Runs the demo, killing it after `seconds` (a hang is a failure of the test, not of the suite).
    static func run(_ args: [String], environment extra: [String: String] = [:], seconds: Double = 120) throws -> Outcome {
        let p = Process()
        p.executableURL = DemoCommandTests.executable
        p.arguments = args
        if !extra.isEmpty { p.environment = ProcessInfo.processInfo.environment.merging(extra) { $1 } }
        p.currentDirectoryURL = DemoCommandTests.projectRoot
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        final class Box: @unchecked Sendable { var out = Data(), err = Data() }
        let box = Box()
        let group = DispatchGroup()
        group.enter(); DispatchQueue.global().async { box.out = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter(); DispatchQueue.global().async { box.err = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let deadline = Date().addingTimeInterval(seconds)
        var timedOut = false
        while p.isRunning {
            if Date() > deadline { timedOut = true; p.terminate(); break }
            usleep(20_000)
        }
        p.waitUntilExit()
        group.wait()
        return Outcome(status: p.terminationStatus, signalled: p.terminationReason == .uncaughtSignal, timedOut: timedOut,
                       stdout: String(decoding: box.out, as: UTF8.self), stderr: String(decoding: box.err, as: UTF8.self))
    }

    static func folder() throws -> String {
        let dir = NSTemporaryDirectory() + "newskit-hostile-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func write(_ path: String, _ bytes: [UInt8]) throws { try Data(bytes).write(to: URL(fileURLWithPath: path)) }

    static let article = try! [UInt8](Data(contentsOf: FetchCommandTests.fixtures.appendingPathComponent("etoday/news-view.html")))
    static let utf8Article = try! [UInt8](Data(contentsOf: FetchCommandTests.fixtures.appendingPathComponent("yonhap/yna-view.html")))
    static let fast = ["--delay", "0", "--timeout", "10", "--retries", "0"]

    static func lines(_ s: String) -> [Substring] { s.split(separator: "\n") }

    /// A server with a robots.txt and article pages under /a, /b, /p/….
    static func site(robots: String = "User-agent: *\nAllow: /", extra: @escaping @Sendable (LocalHTTPServer.Request) -> LocalHTTPServer.Action? = { _ in nil }) throws -> LocalHTTPServer {
        try LocalHTTPServer { r in
            if let action = extra(r) { return action }
            if r.path == "/robots.txt" { return .respond(.text(robots)) }
            return .respond(.init(status: 200, headers: [HTTPHeader(name: "Content-Type", value: "text/html")], body: HostileRunTests.article))
        }
    }

    @Test func aPageThatCrashesItsWorkerIsNamedAndTheRunGoesOn() async throws {
        try await offPool {
            let dir = try Self.folder()
            defer { try? FileManager.default.removeItem(atPath: dir) }
            // The five seeds and, among them in input order, a page that crashes its worker.
            let seeds = DemoCommandTests.projectRoot.appendingPathComponent("Examples/seeds").path
            for name in try FileManager.default.contentsOfDirectory(atPath: seeds) {
                try FileManager.default.copyItem(atPath: seeds + "/" + name, toPath: dir + "/" + name)
            }
            try Self.write(dir + "/001_crash-me.html", Self.article)
            let crash = ["NEWSKIT_TEST_CRASH_ON": "crash-me"]
            let plain = try Self.run(["extract", dir], environment: crash)
            #expect(!plain.signalled && plain.status == 1)
            #expect(plain.stderr.contains("001_crash-me.html: extracting it crashed the worker (signal 4)"), "\(plain.stderr.suffix(500))")
            let lines = Self.lines(plain.stdout)
            #expect(lines.filter { $0.contains("\"adapter\"") }.count == 5, "every other page comes out")
            #expect(lines.filter { $0.contains("\"error\"") && $0.contains("crash-me") }.count == 1)
            // With sinks: the same five articles stored, none twice.
            let sunk = try Self.run(["extract", dir, "--sink", "jsonl:\(dir)/out.jsonl"], environment: crash)
            #expect(sunk.status == 1)
            let stored = Self.lines((try? String(contentsOfFile: dir + "/out.jsonl", encoding: .utf8)) ?? "")
            #expect(stored.count == 5)
            // Without isolation the same page takes the whole process down, as it would any program.
            let unguarded = try Self.run(["extract", dir, "--no-isolate"], environment: crash.merging(["NEWSKIT_WORKER_STATUS": dir + "/status"]) { $1 })
            #expect(unguarded.signalled)
        }
    }

    @Test func aKilledRunTakesItsWorkerWithIt() async throws {
        try await offPool {
            let dir = try Self.folder()
            defer { try? FileManager.default.removeItem(atPath: dir) }
            for i in 0..<400 { try Self.write(dir + "/\(i).html", Self.article) }
            let p = Process()
            p.executableURL = DemoCommandTests.executable
            p.arguments = ["extract", dir, "--sink", "jsonl:\(dir)/out.jsonl", "--jobs", "1"]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            let marker = "newskit-extract-\(p.processIdentifier)-"
            func workers() -> Int {
                let pids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
                return pids.filter { pid in
                    guard Int(pid) != nil, let cmd = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
                    return String(decoding: cmd, as: UTF8.self).contains(marker)
                }.count
            }
            var waited = 0
            while workers() == 0 && waited < 200 { usleep(20_000); waited += 1 }
            #expect(workers() == 1, "the worker started")
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            waited = 0
            while workers() > 0 && waited < 100 { usleep(20_000); waited += 1 }
            #expect(workers() == 0, "the worker died with the run")
        }
    }

    @Test(arguments: Row.allCases)
    func everyRowOfTheHostileTableEndsCleanly(_ row: Row) async throws {
        // Off the cooperative pool: the rows wait for processes, and timing tests share the pool.
        try await offPool { try Self.play(row) }
    }

    static func play(_ row: Row) throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var outcome: Outcome? = nil
        func check(_ o: Outcome, status expected: Int32, _ message: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(!o.signalled && !o.timedOut, "ended by a signal or a hang: \(o.stderr.suffix(600))", sourceLocation: sourceLocation)
            #expect(o.status == expected, "exit status; stderr: \(o.stderr.suffix(600))", sourceLocation: sourceLocation)
            if let message { #expect(o.stderr.contains(message) || o.stdout.contains(message), "expected «\(message)»: \(o.stderr.suffix(600))", sourceLocation: sourceLocation) }
        }
        switch row {
        case .deepPageAmongGoodOnes:
            try Self.write(dir + "/deep.html", Array((String(repeating: "<div>", count: 510) + "<p>x</p><p>y").utf8))
            let o = try Self.run(["extract", "Examples/seeds", dir + "/deep.html", "--sink", "jsonl:\(dir)/x.jsonl"])
            #expect(!o.signalled && !o.timedOut)
            #expect([0, 1].contains(o.status))
            let stored = (try? String(contentsOfFile: dir + "/x.jsonl", encoding: .utf8)) ?? ""
            #expect(Self.lines(stored).count >= 5, "the five seed articles are kept")
            outcome = o
        case .millionDeepPage:
            try Self.write(dir + "/million.html", Array((String(repeating: "<div>", count: 1_000_000) + "<p>첫째 문단</p><p>둘째</p><p>셋째</p>").utf8))
            let o = try Self.run(["extract", dir + "/million.html", "--format", "text"])
            #expect(!o.signalled && !o.timedOut)
            #expect([0, 1].contains(o.status))
            #expect(o.stdout.contains("첫째 문단") || o.stderr.contains("million.html"), "extracted, or named")
            outcome = o
        case .crawlDelayInfinite, .crawlDelayHuge:
            for delay in row == .crawlDelayInfinite ? ["inf", "1e20"] : ["999999"] {
                let server = try Self.site(robots: "User-agent: *\nCrawl-delay: \(delay)\n")
                defer { server.stop() }
                let o = try Self.run(["fetch", server.url("/a").absoluteString, server.url("/b").absoluteString, "--max-crawl-delay", "0.2"] + Self.fast, seconds: 60)
                check(o, status: 0, "s is capped at 0.2 s")
                #expect(o.stderr.contains("Crawl-delay"))
                #expect(o.stderr.contains("127.0.0.1"), "the warning names the host")
                #expect(Self.lines(o.stdout).count == 2, "the second request starts")
                outcome = o
            }
        case .absurdCommandLineNumbers:
            for (option, value) in [("--delay", "inf"), ("--delay", "1e20"), ("--timeout", "inf"), ("--timeout", "1e300"), ("--delay", "-1"), ("--max-crawl-delay", "nan")] {
                let o = try Self.run(["fetch", "http://127.0.0.1:9/x", option, value], seconds: 30)
                check(o, status: 2, "\(option) must be a number of seconds from")
                #expect(!o.stderr.contains("9223372036854775807"), "the range is said in words")
                outcome = o
            }
            let jobs = try Self.run(["extract", "Examples/seeds", "--jobs", "0"], seconds: 30)
            check(jobs, status: 2, "--jobs must be a whole number from 1 to 256")
        case .deepUnclosedSitemap, .quadraticFeed:
            let hostile = row == .deepUnclosedSitemap
                ? "<urlset>" + String(repeating: "<url>", count: 50_000)
                : "<rss><channel>" + String(repeating: "<a>", count: 40_000) + String(repeating: "</b>", count: 300_000) + "</channel></rss>"
            let server = try Self.site { r in
                switch r.path {
                case "/hostile.xml": return .respond(.text(hostile, contentType: "application/xml"))
                case "/feed.xml": return .respond(.text("<rss><channel><item><link>/a</link></item></channel></rss>", contentType: "application/rss+xml"))
                default: return nil
                }
            }
            defer { server.stop() }
            let o = try Self.run(["crawl", server.url("/hostile.xml").absoluteString, server.url("/feed.xml").absoluteString] + Self.fast, seconds: 60)
            #expect(!o.signalled && !o.timedOut)
            #expect(o.stderr.contains("crawl: 1 article URL(s) from 2 listing(s)"), "\(o.stderr.suffix(400))")
            #expect(Self.lines(o.stdout).filter { !$0.contains("\"error\"") }.count == 1, "the good listing's article comes out")
            outcome = o
        case .robotsOverHalfAMegabyte:
            let robots = "User-agent: *\nDisallow: /\n" + String(repeating: "# a robots.txt padded past 512 KiB\n", count: 20_000)
            let server = try Self.site(robots: robots)
            defer { server.stop() }
            let o = try Self.run(["fetch", server.url("/a").absoluteString] + Self.fast)
            check(o, status: 1, "disallowed by robots.txt")
            #expect(server.count("/a") == 0)
            outcome = o
        case .redirectToADisallowedHost:
            let target = try Self.site(robots: "User-agent: *\nDisallow: /")
            defer { target.stop() }
            let secret = target.url("/secret").absoluteString
            let origin = try Self.site { r in
                r.path == "/go" ? .respond(.init(status: 302, headers: [HTTPHeader(name: "Location", value: secret)])) : nil
            }
            defer { origin.stop() }
            let o = try Self.run(["fetch", origin.url("/go").absoluteString] + Self.fast)
            check(o, status: 1, "disallowed by robots.txt")
            #expect(target.count("/secret") == 0, "the target page is never asked for")
            #expect(target.count("/robots.txt") == 1)
            outcome = o
        case .symlinkLoopsInAFolder:
            try Self.write(dir + "/a.html", Self.article)
            try Self.write(dir + "/b.html", Self.utf8Article)
            #expect(symlink(".", dir + "/self") == 0 && symlink(dir, dir + "/again") == 0)
            let o = try Self.run(["extract", dir], seconds: 60)
            check(o, status: 0)
            #expect(Self.lines(o.stdout).count == 2, "each file once")
            outcome = o
        case .fifoAndDanglingLinks:
            try Self.write(dir + "/a.html", Self.article)
            #expect(mkfifo(dir + "/pipe.html", 0o600) == 0)
            #expect(symlink(dir + "/missing.html", dir + "/dangling.html") == 0)
            let given = try Self.run(["extract", dir + "/pipe.html", dir + "/a.html"], seconds: 60)
            check(given, status: 1, "pipe.html: is a FIFO (named pipe)")
            #expect(Self.lines(given.stdout).contains { $0.contains("\"adapter\"") }, "the input after the FIFO comes out")
            let walked = try Self.run(["extract", dir], seconds: 60)
            check(walked, status: 1, "pipe.html: is a FIFO")
            #expect(walked.stderr.contains("dangling.html: a symbolic link to a file that does not exist"))
            outcome = walked
        case .nulInSQLiteText:
            let db = dir + "/x.db"
            let sink = try SQLiteSink(path: db)
            var article = Article(id: "nul", source: Source(id: "x", name: "x", homepage: nil, kind: .newspaper), title: "앞\u{0}뒤 정상회담",
                                  body: [BodyBlock(.paragraph, "첫 문장\u{0}그 뒤의 전화통화")])
            article.file = "nul.html"
            try sink.receive(article)
            try sink.close()
            let o = try Self.run(["search", db, "전화통화"], seconds: 30)
            check(o, status: 0, "정상회담")
            outcome = o
        case .fiftyMegabyteSitemap:
            // 50,000 URLs in just under 50 MB (each entry padded the way real sitemaps with images are).
            let pad = String(repeating: " ", count: 960)
            var sitemap = "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
            for i in 0..<50_000 { sitemap += "<url><loc>/p/\(i)</loc><lastmod>2025-08-13</lastmod>\(pad)</url>" }
            sitemap += "</urlset>"
            #expect(sitemap.utf8.count > 49_000_000 && sitemap.utf8.count <= 52_428_800)
            let body = Array(sitemap.utf8)
            let server = try Self.site { r in
                r.path == "/sitemap.xml" ? .respond(.init(status: 200, headers: [HTTPHeader(name: "Content-Type", value: "application/xml")], body: body)) : nil
            }
            defer { server.stop() }
            let o = try Self.run(["crawl", server.url("/sitemap.xml").absoluteString, "--limit", "2"] + Self.fast, seconds: 120)
            check(o, status: 0, "crawl: 2 article URL(s) from 1 listing(s)")
            outcome = o
        case .warcCutInAChunkedBody, .randomBytesAsWARC:
            let path = dir + "/x.warc"
            if row == .warcCutInAChunkedBody {
                let http = Array("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n1000\r\n<html><body><p>기사의 앞부분만 남은".utf8)
                try Self.write(path, Array("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x.kr/a\r\nContent-Length: \(http.count)\r\n\r\n".utf8) + http + [13, 10, 13, 10])
            } else {
                var g = SystemRandomNumberGenerator()
                try Self.write(path, (0..<100_000).map { _ in UInt8.random(in: 0...255, using: &g) })
            }
            let o = try Self.run(["extract", "--warc", path], seconds: 60)
            check(o, status: 1, row == .warcCutInAChunkedBody ? "truncated" : "not a WARC file")
            #expect(!Self.lines(o.stdout).contains { $0.contains("\"adapter\"") }, "nothing comes out as a success")
            outcome = o
        case .utf16LabelOnUTF8:
            let server = try Self.site { r in
                r.path == "/a" ? .respond(.init(status: 200, headers: [HTTPHeader(name: "Content-Type", value: "text/html; charset=utf-16")], body: HostileRunTests.utf8Article)) : nil
            }
            defer { server.stop() }
            let o = try Self.run(["fetch", server.url("/a").absoluteString] + Self.fast)
            check(o, status: 0)
            #expect(o.stdout.contains("연합뉴스") && o.stdout.contains("encoding: declared utf-16"), "decoded as UTF-8, and said so")
            outcome = o
        case .unreachableHost:
            let server = try LocalHTTPServer { _ in .respond(.text("")) }
            let url = server.url("/a").absoluteString
            server.stop()
            let o = try Self.run(["fetch", url] + Self.fast)
            check(o, status: 1, "unreachable")
            #expect(!o.stdout.contains("disallowed by robots.txt"))
            outcome = o
        }
        #expect(outcome != nil)
    }
}

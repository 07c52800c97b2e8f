import Foundation
import Testing

/// `--sink`, resuming after `kill -9`, `newskit-demo search`, and the report in a real browser.
@Suite(.serialized) struct SinkCommandTests {
    typealias Demo = DemoCommandTests

    /// `n` distinct article pages in a new folder.
    static func pages(_ n: Int) throws -> String {
        let dir = NSTemporaryDirectory() + "newskit-sinks-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for i in 0..<n {
            let html = "<html><head><title>북한 기사 \(i)</title><link rel=canonical href=\"https://news.example/\(i)\">"
                + "<meta property=\"og:type\" content=\"article\"><meta property=\"article:published_time\" content=\"2025-08-13T08:00:00+09:00\"></head>"
                + "<body><article><h1>북한 기사 \(i)</h1><p>평양에서 열린 회의에 관한 \(i)번째 기사의 본문이다. 김정은 국무위원장은 12일 회의를 주재했다고 조선중앙통신이 전했다.</p>"
                + "<p>회의에서는 여러 안건이 논의됐으며 참석자들은 경제 발전 방안을 토의했다. 이번 회의는 이틀 동안 이어졌다.</p></article></body></html>"
            try Data(html.utf8).write(to: URL(fileURLWithPath: "\(dir)/p\(String(format: "%04d", i)).html"))
        }
        return dir
    }

    static func lines(_ path: String) -> [Substring] {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n")
    }

    /// Starts `newskit-demo` with `args` and returns once `path` holds `count` lines, the run
    /// has ended, or a minute has passed (standard error goes to `stderr`, else nowhere).
    static func start(_ args: [String], until count: Int, linesIn path: String, stderr: Pipe? = nil) throws -> Process {
        let p = Process()
        p.executableURL = Demo.executable
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = stderr ?? FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(60)
        while p.isRunning, Date() < deadline, lines(path).count < count { usleep(2000) }
        return p
    }

    @Test func aRunKilledWithSigkillResumesWithoutLossOrDuplicates() async throws {
        try await offPool {
            let n = 800
            let dir = try Self.pages(n)
            let jsonl = dir + "/out.jsonl", db = dir + "/out.db"
            let args = ["extract", dir, "--sink", "jsonl:\(jsonl)", "--sink", "sqlite:\(db)", "--jobs", "2"]
            // First run: killed with SIGKILL once two batches of 100 are on disk (both sinks then
            // hold the first one).
            let p = try Self.start(args, until: 200, linesIn: jsonl)
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            #expect(p.terminationReason == .uncaughtSignal, "the first run must really be killed")
            let stored = Self.lines(jsonl).count
            #expect(stored > 0 && stored < n, "killed mid-run: \(stored) of \(n) stored")
            #expect(Self.lines(jsonl).allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) != nil }, "no torn line")
            // Second run with the same sinks: skips what is stored, does the rest.
            let r = try Demo.run(args)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stderr.contains("already stored, skipped"))
            let all = Self.lines(jsonl)
            #expect(all.count == n)
            let ids = all.compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String }
            #expect(Set(ids).count == n, "no duplicates")
            let search = try Demo.run(["search", db, "북한 기사", "--limit", "5000"])
            #expect(search.stderr.contains("\(n) match(es)"), "\(search.stderr)")
        }
    }

    @Test func ctrlCStopsTheRunClosesTheSinksAndTheSameCommandResumes() async throws {
        try await offPool {
            let n = 800
            let dir = try Self.pages(n)
            let jsonl = dir + "/out.jsonl", db = dir + "/out.db"
            let args = ["extract", dir, "--sink", "jsonl:\(jsonl)", "--sink", "sqlite:\(db)", "--jobs", "2"]
            // Once a batch is on disk, SIGINT to the program (the crash-isolating supervisor: it
            // forwards the signal to its worker, as a terminal sends Ctrl-C to both).
            let err = Pipe()
            let p = try Self.start(args, until: 100, linesIn: jsonl, stderr: err)
            p.interrupt()
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            #expect(p.terminationReason == .exit && p.terminationStatus == 130, "\(stderr)")
            #expect(stderr.contains("interrupted after") && stderr.contains("of \(n) page(s)"), "\(stderr)")
            let stored = Self.lines(jsonl).count
            #expect(stored >= 100 && stored < n, "interrupted mid-run: \(stored) of \(n) stored")
            // Closed cleanly: every page the summary counts is in the sink, no torn line.
            #expect(Self.lines(jsonl).allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) != nil })
            let r = try Demo.run(args)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stderr.contains("\(stored) already stored, skipped"), "\(r.stderr)")
            let ids = Self.lines(jsonl).compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String }
            #expect(ids.count == n && Set(ids).count == n)
        }
    }

    @Test func theShardsOfAnExtractRunAreDisjointAndTogetherAreTheWholeRun() async throws {
        try await offPool {
            let dir = try Self.pages(60)
            func files(_ extra: [String]) throws -> [String] {
                let r = try Demo.run(["extract", dir, "--no-enrich"] + extra)
                #expect(r.status == 0, "\(r.stderr)")
                return r.stdout.split(separator: "\n").compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["file"] as? String }
            }
            let whole = try files([])
            let parts = try (0..<3).map { try files(["--shard", "\($0)/3"]) }
            #expect(whole.count == 60)
            #expect(parts.reduce(0) { $0 + $1.count } == 60 && Set(parts.flatMap { $0 }) == Set(whole), "\(parts.map(\.count))")
            #expect(parts.allSatisfy { !$0.isEmpty })
            let bad = try Demo.run(["extract", dir, "--shard", "3/3"])
            #expect(bad.status == 2 && bad.stderr.contains("--shard must be I/N"))
        }
    }

    @Test func searchPrintsMatchingHeadlinesWithDatesAndSources() async throws {
        try await offPool {
            let dir = NSTemporaryDirectory() + "newskit-search-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let db = dir + "/seeds.db"
            let r = try Demo.run(["extract", "Examples/seeds", "--sink", "sqlite:\(db)"])
            #expect(r.status == 0)
            #expect(r.stdout.isEmpty, "articles go to the sink, not standard output")
            let s = try Demo.run(["search", db, "전화통화"])
            #expect(s.status == 0)
            #expect(s.stdout.hasPrefix("2025-08-13 11:06  board  푸틴, 김정은과 전화통화…미·러정상회담 정보 공유"))
            let none = try Demo.run(["search", db, "존재하지않는말"])
            #expect(none.status == 1)
            let bad = try Demo.run(["extract", "Examples/seeds", "--sink", "ftp:x"])
            #expect(bad.status == 2)
            #expect(bad.stderr.contains("unknown sink kind ftp"))
        }
    }

    @Test func markdownAndReportSinksWriteTheirFiles() async throws {
        try await offPool {
            let dir = NSTemporaryDirectory() + "newskit-md-\(UUID().uuidString)"
            let r = try Demo.run(["extract", "Examples/seeds", "--sink", "markdown:\(dir)/notes", "--sink", "report:\(dir)/report.html"])
            #expect(r.status == 0)
            let notes = try FileManager.default.contentsOfDirectory(atPath: dir + "/notes").filter { $0.hasSuffix(".md") }
            #expect(notes.count == 5)
            let html = try String(contentsOfFile: dir + "/report.html", encoding: .utf8)
            #expect(html.contains("<b>5</b> articles"))
        }
    }

    /// Debian's chromium (`.ci/run` installs it; without it the browser test is skipped, visibly).
    static var chromium: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test(.enabled(if: Self.chromium != nil, "chromium is not installed: apt-get install -y chromium fonts-nanum (.ci/run installs them)"))
    func theReportRendersInAHeadlessBrowser() async throws {
        try await offPool {
            let browser = try #require(Self.chromium)
            let dir = NSTemporaryDirectory() + "newskit-shot-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let report = dir + "/report.html", shot = dir + "/report.png"
            #expect(try Demo.run(["extract", "Examples/seeds", "--sink", "report:\(report)"]).status == 0)
            func browse(_ extra: [String], fragment: String = "") throws -> String {
                let p = Process()
                p.executableURL = URL(fileURLWithPath: browser)
                p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1200,1600"] + extra + ["file://" + report + fragment]
                let out = Pipe()
                p.standardOutput = out
                p.standardError = FileHandle.nullDevice
                try p.run()
                let data = out.fileHandleForReading.readDataToEndOfFile()
                p.waitUntilExit()
                return String(decoding: data, as: UTF8.self)
            }
            // The DOM a real engine built holds the story and its highlighted entities.
            let dom = try browse(["--dump-dom"])
            #expect(dom.contains("푸틴, 김정은과 전화통화"))
            #expect(dom.contains("<mark class=\"person\">"))
            // The filter runs in the page: all five seeds shown, then only those the query or the
            // entity picks (set through the address, as a click or typing would).
            #expect(dom.contains("data-shown=\"5\""), "the script ran and counted the cards")
            let searched = try browse(["--dump-dom"], fragment: "#q=" + "전화통화".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(searched.contains("data-shown=\"1\"") && searched.contains("1 of 5 shown"), "one seed has 전화통화")
            let entity = try browse(["--dump-dom"], fragment: "#entity=" + "크렘린궁".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            let picked = Int(entity.components(separatedBy: "data-shown=\"").dropFirst().first?.prefix { $0 != "\"" } ?? "") ?? -1
            #expect(picked == 2, "the two seeds that name 크렘린궁: \(picked)")
            #expect(entity.contains("entity: 크렘린궁"))
            // The screenshot is a 1200x1600 PNG with real content (a blank page compresses to a few KB).
            _ = try browse(["--screenshot=\(shot)"])
            let png = try [UInt8](Data(contentsOf: URL(fileURLWithPath: shot)))
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
            func be32(_ at: Int) -> Int { png.count > at + 3 ? Int(png[at]) << 24 | Int(png[at + 1]) << 16 | Int(png[at + 2]) << 8 | Int(png[at + 3]) : 0 }
            #expect(be32(16) == 1200 && be32(20) == 1600)
            #expect(png.count > 40_000, "\(png.count) bytes")
        }
    }
}

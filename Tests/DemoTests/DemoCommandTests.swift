import Foundation
import Testing
import NewsKit

/// Runs the built `newskit-demo` as a user would.
@Suite struct DemoCommandTests {
    static let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The executable sits beside the test bundle in the build folder.
    static var executable: URL {
        BuiltPrograms.find("newskit-demo") ?? projectRoot.appendingPathComponent(".build/debug/newskit-demo")
    }

    typealias Run = BuiltPrograms.Run

    static func run(_ args: [String], stdin: String? = nil) throws -> Run {
        try BuiltPrograms.run(executable, args, stdin: stdin)
    }

    static func temp(_ name: String, _ bytes: [UInt8]) throws -> String {
        let dir = NSTemporaryDirectory() + "newskit-demo-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func extractWithNoPathsReadsTheBundledExamples() throws {
        let r = try Self.run(["extract"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 5)
        let adapters = try lines.map { line -> String in
            let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return (obj?["adapter"] as? [String: Any])?["id"] as? String ?? ""
        }
        #expect(adapters == ["yonhap-repost", "ai-news-digest", "dongpo-today", "etoday", "front-matter"])
        #expect(r.stderr.contains("extracted 5 of 5 page(s)"))
    }

    @Test func badInputsAreNamedAndTheRestStillProcessed() throws {
        let empty = try Self.temp("empty.html", [])
        let binary = try Self.temp("photo.html", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0])
        let good = Self.projectRoot.appendingPathComponent("Examples/seeds/003_3e66ff564048943b.txt").path
        let r = try Self.run(["extract", empty, "/nonexistent/missing.html", binary, good])
        #expect(r.status == 1)
        #expect(r.stderr.contains(empty) && r.stderr.contains("empty"))
        #expect(r.stderr.contains("/nonexistent/missing.html") && r.stderr.contains("no such file"))
        #expect(r.stderr.contains(binary) && r.stderr.contains("binary"))
        #expect(r.stderr.contains("extracted 1 of 4 page(s)"))
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines.last?.contains("\"adapter\":{\"id\":\"etoday\"") == true)
        #expect(lines.first?.contains("\"error\"") == true)
    }

    @Test func parallelExtractionWritesInInputOrder() throws {
        var paths: [String] = []
        for i in 0..<8 {
            let body = (0..<6).map { "<p>기사 \(i)번의 \($0)번째 문단입니다. 북한과 러시아가 협력을 재확인했다고 보도했다.</p>" }.joined()
            let html = "<html><head><meta property=\"og:type\" content=\"article\"><title>기사 \(i)</title></head><body><article>\(body)</article></body></html>"
            paths.append(try Self.temp("page\(i).html", i == 3 ? [] : Array(html.utf8)))
        }
        let parallel = try Self.run(["extract", "--jobs", "4"] + paths)
        let serial = try Self.run(["extract", "--jobs", "1"] + paths)
        #expect(parallel.stdout == serial.stdout)
        let lines = parallel.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 8)
        for (i, line) in lines.enumerated() {
            #expect(line.contains(i == 3 ? "\"error\"" : "\"title\":\"기사 \(i)\""), "line \(i): \(line.prefix(80))")
        }
        #expect(parallel.status == 1 && parallel.stderr.contains("extracted 7 of 8 page(s)"))
    }

    @Test func explainSaysWhereTheArticleWasFound() throws {
        let body = (0..<4).map { "<p>\($0)번째 문단입니다. 북한과 러시아가 협력을 재확인했다고 조선중앙통신이 보도했다.</p>" }.joined()
        let path = try Self.temp("explain.html", Array("<html><body><div id=\"story\">\(body)</div></body></html>".utf8))
        let r = try Self.run(["extract", "--explain", path])
        #expect(r.stderr.contains("content area: html > body > div#story"))
    }

    @Test func formatsForPeopleOpenEveryArticleWithItsTitleSourceDateAndPlace() throws {
        let seeds = ["Examples/seeds/003_3e66ff564048943b.txt", "Examples/seeds/000_902ba53e243bc19e.txt"]
        let untitled = try Self.temp("untitled.html", Array("<html><body><article><p>제목 없는 기사의 첫 문단이다. 북한과 러시아가 협력을 재확인했다고 조선중앙통신이 보도했다.</p><p>두 번째 문단이다. 양측은 교류를 늘리기로 했다고 전했다.</p></article></body></html>".utf8))
        let text = try Self.run(["extract", "--format", "text", "--non-articles", "keep"] + seeds + [untitled])
        let blocks = text.stdout.components(separatedBy: String(repeating: "─", count: 40) + "\n")
        #expect(blocks.count == 3, "a rule between articles")
        #expect(blocks[0].hasPrefix("[종합] 북·러 군사 밀착 강화") || blocks[0].hasPrefix("북·러 군사 밀착 강화"), "\(blocks[0].prefix(80))")
        #expect(blocks[0].split(separator: "\n")[1] == "이투데이 · 2023-09-05 14:41 +09:00 · Examples/seeds/003_3e66ff564048943b.txt")
        #expect(blocks[2].hasPrefix("(untitled)\n"))
        let markdown = try Self.run(["extract", "--format", "markdown", "--non-articles", "keep", untitled])
        #expect(markdown.stdout.hasPrefix("# (untitled)\n"))
        #expect(markdown.stdout.contains("- file: \(untitled)"))
        let brief = try Self.run(["extract", "--format", "brief"] + seeds)
        let lines = brief.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "■ [종합] 북·러 군사 밀착 강화...“김정은·푸틴, 다음 주 러시아서 무기 거래 논의”")
        #expect(lines.contains("  board · 2025-08-13 11:06 +09:00 · 최인영 특파원, 박수윤 기자"))
        #expect(lines.contains("  ! author e-mails paired with the byline by position"), "the article's warnings")
        #expect(brief.stderr.contains("; warnings in Examples/seeds/000_902ba53e243bc19e.txt"), "the summary names the pages with warnings: \(brief.stderr)")
        // In a pipe, JSON Lines stays the default.
        let piped = try Self.run(["extract", seeds[0]])
        #expect(piped.stdout.hasPrefix("{"))
    }

    @Test func aSavedPageGetsItsURLFromURLOrItsURLFile() throws {
        let html = try Data(contentsOf: Self.projectRoot.appendingPathComponent("Tests/NewsKitAdaptersTests/Fixtures/etoday/news-view.html"))
        let path = try Self.temp("saved.html", [UInt8](html))
        func url(_ r: BuiltPrograms.Run) -> String? {
            (try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])?["url"] as? String
        }
        #expect(url(try Self.run(["extract", path])) == nil)
        #expect(url(try Self.run(["extract", path, "--url", "https://www.etoday.co.kr/news/view/1"])) == "https://www.etoday.co.kr/news/view/1")
        try Data("https://www.etoday.co.kr/news/view/2\n".utf8).write(to: URL(fileURLWithPath: SavedPageURL.sidecarPath(for: path)))
        #expect(url(try Self.run(["extract", path])) == "https://www.etoday.co.kr/news/view/2")
        #expect(url(try Self.run(["extract", path, "--url", "https://www.etoday.co.kr/news/view/3"])) == "https://www.etoday.co.kr/news/view/3", "--url wins")
        let folder = try Self.run(["extract", (path as NSString).deletingLastPathComponent, "--url", "https://www.etoday.co.kr/"])
        #expect(folder.status == 2 && folder.stderr.contains("name exactly one file"))
        let relative = try Self.run(["extract", path, "--url", "news/view/1"])
        #expect(relative.status == 2 && relative.stderr.contains("absolute http(s) URL"))
    }

    @Test func formatsAndAdapterChoice() throws {
        let seed = "Examples/seeds/003_3e66ff564048943b.txt"
        let md = try Self.run(["extract", "--format", "markdown", seed])
        #expect(md.stdout.hasPrefix("# [종합] 북·러 군사 밀착 강화"))
        let text = try Self.run(["extract", "--format", "text", seed])
        #expect(text.stdout.contains("북한과 러시아가 군사적 밀착을 강화하고 있다."))
        let json = try Self.run(["extract", "--format", "json", seed])
        #expect((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [Any])?.count == 1)
        let generic = try Self.run(["extract", "--adapter", "generic", seed])
        #expect(generic.stdout.contains("\"adapter\":{\"id\":\"generic\""))
        let wrong = try Self.run(["extract", "--adapter", "nope", seed])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("no adapter \"nope\""))
        let badFormat = try Self.run(["extract", "--format", "xml"])
        #expect(badFormat.status == 2)
    }

    @Test func adaptersAreListed() throws {
        let r = try Self.run(["adapters"])
        for id in ["yonhap-repost", "yonhap", "dongpo-today", "etoday", "front-matter", "ai-news-digest", "generic"] {
            #expect(r.stdout.contains(id))
        }
        // Adapters made of layouts list them, in the order they are tried.
        #expect(r.stdout.contains("layout: yna.co.kr markup\n                 layout: text capture"))
        #expect(r.stdout.contains("layout: etoday.co.kr markup"))
    }

    @Test func domPrintsTheTreeAndStats() throws {
        let tree = try Self.run(["dom", "--tree", "-"], stdin: "<p class=x>가<b>나")
        #expect(tree.stdout == "| <html>\n|   <head>\n|   <body>\n|     <p>\n|       class=\"x\"\n|       \"가\"\n|       <b>\n|         \"나\"\n")
        let stats = try Self.run(["dom", "--stats", "-"], stdin: "<p>x")
        #expect(stats.stdout == "{\"bytes\": 4, \"encoding\": \"UTF-8\", \"nodes\": 6, \"path\": \"-\"}\n")
        let unknown = try Self.run(["frobnicate"])
        #expect(unknown.status == 2)
    }

    @Test func domBlocksNamesTheFeaturesThenOneLinePerTextBlock() throws {
        let html = "<html><body><article><p>북한과 러시아가 정상 간 통화를 했다고 조선중앙통신이 보도했다. 양측은 협력을 재확인했다.</p><p>둘째 문단이다. 회의는 이틀 동안 이어졌다고 전했다.</p></article><footer><a href=\"/\">회사소개</a></footer></body></html>"
        let r = try Self.run(["dom", "--blocks", "-"], stdin: html)
        #expect(r.status == 0)
        let lines = try r.stdout.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let names = try #require(lines.first??["features"] as? [String])
        #expect(names.contains("in_content") && names.contains("link_density"))
        let blocks = lines.dropFirst().compactMap { $0 }
        #expect(blocks.count == 3)
        #expect(blocks.allSatisfy { ($0["x"] as? [Double])?.count == names.count && $0["p"] is Double })
        #expect(blocks.map { $0["kept"] as? Bool } == [true, true, false])
    }

    @Test func nonArticlesAreFailedByDefaultAndKeptWithWhatTheyStateOnRequest() throws {
        let links = (1...40).map { "<li><a href=\"/news/\($0)\">오늘의 주요 뉴스 제목 \($0)번째 기사입니다</a></li>" }.joined()
        let path = try Self.temp("front.html", Array("<html><head><title>뉴스 홈</title></head><body><ul>\(links)</ul><p>집계 결과입니다.</p></body></html>".utf8))
        let skipped = try Self.run(["extract", "--no-enrich", path])
        #expect(skipped.status == 1)
        #expect(skipped.stderr.contains("not an article page"), "\(skipped.stderr)")
        let kept = try Self.run(["extract", "--no-enrich", "--non-articles", "keep", path])
        #expect(kept.status == 0, "\(kept.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(kept.stdout.utf8)) as? [String: Any]
        #expect(object?["pageKind"] as? String == "index")
        #expect(object?["title"] as? String == "뉴스 홈")
        #expect((object?["warnings"] as? [String])?.contains { $0.hasPrefix("not an article page") } == true)
    }
}

/// Runs blocking work (waiting for a child process) on a thread of its own, so the test does not
/// hold one of the few threads Swift concurrency runs everything else on: timing-sensitive tests
/// of the fetcher run at the same time.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
    }
}

@Suite struct FolderInputTests {
    @Test func foldersExpandRecursivelySortedSkippingHiddenAndOtherFiles() async throws {
        try await offPool {
            let dir = NSTemporaryDirectory() + "newskit-folder-\(UUID().uuidString)"
            let fm = FileManager.default
            try fm.createDirectory(atPath: dir + "/sub/deeper", withIntermediateDirectories: true)
            try fm.createDirectory(atPath: dir + "/.hidden", withIntermediateDirectories: true)
            let text = try String(contentsOfFile: DemoCommandTests.projectRoot.path + "/Examples/seeds/003_3e66ff564048943b.txt", encoding: .utf8)
            for path in ["b.txt", "sub/a.txt", "sub/deeper/c.TXT", ".hidden/x.txt", ".dot.txt", "image.png"] {
                try text.write(toFile: dir + "/" + path, atomically: true, encoding: .utf8)
            }
            let r = try DemoCommandTests.run(["extract", "--no-enrich", dir])
            let files = r.stdout.split(separator: "\n").compactMap { line -> String? in
                ((try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any])?["file"] as? String
            }
            #expect(files == [dir + "/b.txt", dir + "/sub/a.txt", dir + "/sub/deeper/c.TXT"])
        }
    }
}

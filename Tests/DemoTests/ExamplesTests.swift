import Foundation
import Testing

/// The examples in Examples/ and the code the docs show stay true: the adapter guide's code is
/// the example file that builds with the package, and the example runs.
@Suite struct ExamplesTests {
    /// Every ```swift block that follows a `<!-- code: PATH -->` line, with its path.
    static func quotedFiles(in markdown: String) -> [(path: String, code: String)] {
        var out: [(String, String)] = []
        let lines = markdown.components(separatedBy: "\n")
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if line.hasPrefix("<!-- code: "), line.hasSuffix(" -->"), i + 1 < lines.count, lines[i + 1] == "```swift" {
                let path = String(line.dropFirst("<!-- code: ".count).dropLast(" -->".count))
                var j = i + 2
                var code: [String] = []
                while j < lines.count && lines[j] != "```" { code.append(lines[j]); j += 1 }
                out.append((path, code.joined(separator: "\n") + "\n"))
                i = j
            }
            i += 1
        }
        return out
    }

    @Test(arguments: [("docs/adding-an-adapter.md", "Examples/CustomAdapter/ExampleDailyAdapter.swift"),
                      ("README.md", "Examples/Tour/main.swift")])
    func theDocsShowTheExamplesThatBuild(_ doc: String, _ example: String) throws {
        let markdown = try String(contentsOf: DemoCommandTests.projectRoot.appendingPathComponent(doc), encoding: .utf8)
        let quoted = Self.quotedFiles(in: markdown)
        #expect(quoted.map(\.path) == [example])
        for (path, code) in quoted {
            let file = try String(contentsOf: DemoCommandTests.projectRoot.appendingPathComponent(path), encoding: .utf8)
            #expect(code == file, "\(doc) quotes \(path), but the file differs: copy the file into \(doc)")
        }
    }

    @Test func theTourRunsAndPrintsWhatItSays() throws {
        let binary = try #require(BuiltPrograms.find("TourExample"), "TourExample was not built")
        let run = try BuiltPrograms.run(binary)
        #expect(run.status == 0)
        let text = run.stdout
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("yonhap-repost 푸틴, 김정은과 전화통화") == true)
        #expect(lines.dropFirst().first == "2025-08-13T08:00:00+09:00")
        #expect(lines.contains("textCapture"))
        #expect(lines.last == "북한 김정은")
    }

    @Test func theCustomAdapterExampleReadsItsPageWithItsLayout() throws {
        let binary = try #require(BuiltPrograms.find("CustomAdapterExample"), "CustomAdapterExample was not built")
        let run = try BuiltPrograms.run(binary)
        #expect(run.status == 0)
        let data = Data(run.stdout.utf8)
        let article = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((article["adapter"] as? [String: Any])?["id"] as? String == "example-daily")
        #expect(article["title"] as? String == "예시 기사 제목")
        #expect(article["kicker"] as? String == "단독")
        #expect(article["publishedAt"] as? String == "2025-08-13T09:30:00+09:00")
        #expect((article["warnings"] as? [String]) == [])
    }
}

import NewsKit
import NewsKitAdapters

/// The library's one entry point gives what the demo prints.
@Suite struct LibraryAndDemoAgreeTests {
    @Test func theArticleReaderGivesExactlyWhatTheDemoPrints() throws {
        let seeds = DemoCommandTests.projectRoot.appendingPathComponent("Examples/seeds")
        let paths = try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted().map { "Examples/seeds/" + $0 }
        let run = try DemoCommandTests.run(["extract"] + paths)
        #expect(run.status == 0)
        let printed = run.stdout.split(separator: "\n").map(String.init)
        // One reader for all the pages, as one run of the demo: stories link across them.
        let reader = try ArticleReader.builtIn()
        let read = try paths.map { try reader.read(path: $0).jsonLine }
        #expect(printed == read)
    }
}

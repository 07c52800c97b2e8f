import Foundation
import Testing

/// The examples in Examples/ and the code the docs show stay true: the adapter guide's code is
/// the example file that builds with the package, and the example runs.
@Suite struct ExamplesTests {
    static let guide = DemoCommandTests.projectRoot.appendingPathComponent("docs/adding-an-adapter.md")

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

    @Test func theAdapterGuideShowsTheExampleThatBuilds() throws {
        let markdown = try String(contentsOf: Self.guide, encoding: .utf8)
        let quoted = Self.quotedFiles(in: markdown)
        #expect(quoted.map(\.path) == ["Examples/CustomAdapter/ExampleDailyAdapter.swift"])
        for (path, code) in quoted {
            let file = try String(contentsOf: DemoCommandTests.projectRoot.appendingPathComponent(path), encoding: .utf8)
            #expect(code == file, "docs/adding-an-adapter.md quotes \(path), but the file differs: copy the file into the guide")
        }
    }

    @Test func theCustomAdapterExampleReadsItsPageWithItsLayout() throws {
        let binary = try #require(LayeringTests.built("CustomAdapterExample"), "CustomAdapterExample was not built")
        let p = Process()
        p.executableURL = binary
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
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

import Foundation
import Testing
import NewsKit
@testable import NewsKitHTML
@testable import NewsKitCore
@testable import NewsKitFetching
@testable import NewsKitSQLite

@Suite struct SQLiteSinkTests {
    static func tempDB() -> String { NSTemporaryDirectory() + "newskit-\(UUID().uuidString).db" }

    static func call(_ id: String = "call", title: String = "푸틴, 김정은과 전화통화…미·러정상회담 정보 공유") -> Article {
        var a = Article(id: id, file: "seed.txt", source: Source(id: "yonhap", name: "연합뉴스", homepage: nil, kind: .newsAgency), title: title,
                        body: [BodyBlock(.paragraph, "김정은 북한 국무위원장이 블라디미르 푸틴 러시아 대통령과 12일 전화 통화를 했다.")],
                        authors: [Author(name: "최인영", role: "특파원")], publishedAt: Instant(year: 2025, month: 8, day: 13, hour: 8))
        a.entities = [Entity(name: "김정은", type: .person, mentions: 1, spans: [.init(start: 0, end: 3)])]
        a.eventDates = [EventDate(expression: "12일", date: "2025-08-12", sentence: "…")]
        a.storyID = "story-call"
        return a
    }

    @Test func koreanFullTextSearchFindsSubstringsOfTitles() throws {
        let path = Self.tempDB()
        let sink = try SQLiteSink(path: path)
        try sink.receive(Self.call())
        try sink.close()
        let hits = try SQLiteSink.search(path: path, query: "전화통화")
        #expect(hits.map(\.title) == ["푸틴, 김정은과 전화통화…미·러정상회담 정보 공유"])
        #expect(hits.first?.source == "연합뉴스")
        #expect(try SQLiteSink.search(path: path, query: "북한").count == 1, "two-syllable queries scan")
        #expect(try SQLiteSink.search(path: path, query: "트럼프").isEmpty)
        #expect(try SQLiteSink.search(path: path, query: "\"전화 OR x*").isEmpty, "FTS5 syntax in a query is plain text")
    }

    @Test func everySnippetMarksTheMatchWhicheverFieldAndWordLength() throws {
        let path = Self.tempDB()
        let sink = try SQLiteSink(path: path)
        try sink.receive(Self.call())
        try sink.close()
        // Only the title holds 전화통화 (the text says 전화 통화): the snippet is the title, marked.
        let titleOnly = try SQLiteSink.search(path: path, query: "전화통화")
        #expect(titleOnly.first?.snippet == "푸틴, 김정은과 «전화통화»…미·러정상회담 정보 공유")
        // Two-syllable words scan, and are marked too, each occurrence of each word.
        let short = try SQLiteSink.search(path: path, query: "북한 푸틴")
        #expect(short.first?.snippet == "김정은 «북한» 국무위원장이 블라디미르 «푸틴» 러시아 대통령과 12일 전화 통화를 했다.")
        let long = try SQLiteSink.search(path: path, query: "국무위원장")
        #expect(long.first?.snippet.contains("«국무위원장»") == true)
        #expect(long.first?.publishedAt == Instant(year: 2025, month: 8, day: 13, hour: 8))
    }

    @Test func snippetsCutLongTextsAroundTheFirstMatchAndMergeOverlaps() {
        let text = String(repeating: "가", count: 100) + " 러시아 Russia 러시아군 " + String(repeating: "나", count: 100)
        let snippet = SearchSnippet.make(title: nil, text: text, words: ["러시아", "russia", "시아군"])
        #expect(snippet.hasPrefix("…") && snippet.hasSuffix("…"))
        #expect(snippet.contains("«러시아» «Russia» «러시아군»"), "\(snippet)")
        #expect(SearchSnippet.make(title: "제목", text: "본문", words: ["없음"]) == "제목")
    }

    @Test func textWithANULIsStoredAndSearchedWhole() throws {
        let path = Self.tempDB()
        var article = Self.call(title: "앞부분\u{0}뒷부분 전화통화")
        article.body = [BodyBlock(.paragraph, "첫 문단\u{0}그 뒤의 정상회담 이야기")]
        let sink = try SQLiteSink(path: path)
        try sink.receive(article)
        try sink.close()
        #expect(try SQLiteSink.search(path: path, query: "정상회담").count == 1, "text after the NUL is indexed")
        #expect(try SQLiteSink.search(path: path, query: "전화통화").first?.title == "앞부분\u{0}뒷부분 전화통화")
        let db = try SQLiteDatabase(path: path, readOnly: true)
        var stored: [String?] = []
        try db.run("SELECT title, text FROM articles") { r in stored = [r.text(0), r.text(1)] }
        #expect(stored[0] == "앞부분\u{0}뒷부분 전화통화")
        #expect(stored[1]?.hasSuffix("그 뒤의 정상회담 이야기") == true)
    }

    @Test func aRerunUpdatesTheArticleInsteadOfDuplicatingIt() throws {
        let path = Self.tempDB()
        let first = try SQLiteSink(path: path)
        try first.receive(Self.call())
        try first.close()
        let second = try SQLiteSink(path: path)
        var changed = Self.call(title: "푸틴, 김정은과 통화")
        changed.authors = []
        try second.receive(changed)
        try second.close()
        let db = try SQLiteDatabase(path: path, readOnly: true)
        var rows: [String] = []
        try db.run("SELECT (SELECT count(*) FROM articles), (SELECT title FROM articles), (SELECT count(*) FROM authors), (SELECT count(*) FROM articles_fts), (SELECT count(*) FROM mentions), (SELECT articles FROM stories)") { r in
            rows = (0..<6).map { r.text(Int32($0)) ?? "nil" }
        }
        #expect(rows == ["1", "푸틴, 김정은과 통화", "0", "1", "1", "1"])
    }

    @Test func articlesAreCommittedPerBatchInWALMode() throws {
        let path = Self.tempDB()
        let sink = try SQLiteSink(path: path)
        try sink.receive(Self.call())
        #expect(try SQLiteSink.search(path: path, query: "전화통화").isEmpty, "not visible before the batch is committed")
        try sink.flush()
        #expect(try SQLiteSink.search(path: path, query: "전화통화").count == 1)
        let db = try SQLiteDatabase(path: path, readOnly: true)
        var mode = ""
        try db.run("PRAGMA journal_mode") { mode = $0.text(0) ?? "" }
        #expect(mode == "wal")
        try sink.close()
    }

    @Test func storedKeysNameTheInputsAlreadyStored() throws {
        let path = Self.tempDB()
        let sink = try SQLiteSink(path: path)
        try sink.receive(Self.call())
        let keys = try sink.storedKeys()
        #expect(keys.ids == ["call"])
        #expect(keys.inputs == ["seed.txt"])
        var ids: [String] = []
        #expect(try sink.forEachStoredArticle { ids.append($0.id) })
        #expect(ids == ["call"])
        try sink.close()
    }

    @Test func aFileThatIsNotADatabaseIsAClearError() throws {
        let path = Self.tempDB()
        try Data("not a database, just text".utf8).write(to: URL(fileURLWithPath: path))
        do { _ = try SQLiteSink(path: path); Issue.record("expected an error") } catch {
            #expect(error.code == .database)
            #expect(error.description.contains(path))
        }
        do { _ = try SQLiteSink.search(path: "/nonexistent/x.db", query: "북한"); Issue.record("expected an error") } catch {
            #expect(error.code == .database)
            #expect(error.description.contains("/nonexistent/x.db"))
        }
    }
}

@Suite struct MarkdownSinkTests {
    @Test func slugsCannotLeaveTheFolder() {
        for title in ["../../etc/passwd", "/etc/passwd", "..", "a\u{0}b/c", "CON", "제목: 북한/러시아 \\ 회담?", String(repeating: "가", count: 300)] {
            let slug = MarkdownSink.slug(id: "abc123", title: title)
            #expect(!slug.contains("/") && !slug.contains("\\") && !slug.contains("..") && !slug.contains("\u{0}"), "\(slug)")
            #expect(slug.hasPrefix("abc123") && slug.hasSuffix(".md"))
            #expect(slug.utf8.count < 140)
        }
        #expect(MarkdownSink.slug(id: "b38620f7d087f21f", title: "푸틴, 김정은과 전화통화…미·러정상회담") == "b38620f7d087-푸틴-김정은과-전화통화-미-러정상회담.md")
        #expect(MarkdownSink.slug(id: "../x", title: nil) == "x.md")
    }

    @Test func oneFilePerArticleWithFrontMatterAndNoTemporaryFilesLeft() throws {
        let dir = NSTemporaryDirectory() + "newskit-md-\(UUID().uuidString)"
        let sink = try MarkdownSink(directory: dir)
        try sink.receive(SQLiteSinkTests.call())
        try sink.receive(SQLiteSinkTests.call(title: "../../escape"))   // same id: the same file, rewritten
        try sink.receive(SQLiteSinkTests.call("second"))
        try sink.close()
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(files == ["call-escape.md", "second-푸틴-김정은과-전화통화-미-러정상회담-정보-공유.md"].sorted() || files.count == 3)
        #expect(!files.contains { $0.hasPrefix(".") })
        let text = try String(contentsOfFile: dir + "/second-푸틴-김정은과-전화통화-미-러정상회담-정보-공유.md", encoding: .utf8)
        #expect(text.hasPrefix("---\nid: \"second\"\ntitle: \"푸틴, 김정은과 전화통화…미·러정상회담 정보 공유\""))
        #expect(text.contains("# 푸틴, 김정은과 전화통화"))
        #expect(try sink.storedKeys().ids == ["call", "second"])
    }
}

@Suite struct ReportSinkTests {
    @Test func theReportIsSelfContainedAndHighlightsEntities() throws {
        let path = NSTemporaryDirectory() + "newskit-report-\(UUID().uuidString).html"
        let sink = try ReportSink(path: path)
        try sink.receive(SQLiteSinkTests.call())
        var hostile = SQLiteSinkTests.call("x", title: "<script>alert(1)</script>")
        hostile.storyID = "story-call"
        try sink.receive(hostile)
        try sink.close()
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.components(separatedBy: "<script").count == 2, "titles are escaped: the one script is the report's own filter")
        #expect(!html.contains("fetch(") && !html.contains("XMLHttpRequest"), "the filter needs no network")
        #expect(html.contains("<details class=\"story\" open>"), "story groups fold")
        #expect(html.contains("data-entity=\"김정은\""), "entity chips filter")
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<link") && !html.contains("src=\"http") && !html.contains("url(http"), "no external assets")
        #expect(html.contains("<mark class=\"person\">김정은</mark>"))
        #expect(html.contains("2 articles"), "both accounts in one story")
        #expect(html.contains("<svg"), "a timeline")
    }

    @Test func theTimelineIsARealDateAxisWithGapsAndMonthTicks() {
        #expect(ReportHTML.dayNumber("1970-01-01") == 0 && ReportHTML.dayNumber("2025-08-13") == 20313)
        #expect(ReportHTML.dayString(20313) == "2025-08-13" && ReportHTML.dayString(ReportHTML.dayNumber("2024-02-29")!) == "2024-02-29")
        func record(_ day: String) -> ReportSink.Record {
            ReportSink.Record(id: day, title: day, source: "s", adapter: "a", published: day + "T09:00:00+09:00", url: nil, file: nil, story: nil,
                              duplicateOf: nil, origin: nil, excerpt: "", marks: [], entities: [], events: [])
        }
        let report = ReportHTML(records: [record("2025-07-30"), record("2025-07-30"), record("2025-08-13")], maximumCards: 10)
        let svg = report.timeline(["2025-07-30", "2025-07-30", "2025-08-13"])
        #expect(svg.components(separatedBy: "<rect").count - 1 == 2, "two days with articles, the days between are gaps")
        #expect(svg.contains("<title>2025-07-30: 2</title>") && svg.contains("<title>2025-08-13: 1</title>"))
        #expect(svg.contains(">2025-08-01</text>"), "a month tick")
        let xs = svg.components(separatedBy: "<rect x=\"").dropFirst().compactMap { Double($0.prefix { $0 != "\"" }) }
        #expect(xs.count == 2 && xs[1] - xs[0] > 800, "14 days apart across the 900-pixel axis: \(xs)")
    }

    @Test func aResumedRunReportsBothRuns() throws {
        let path = NSTemporaryDirectory() + "newskit-report-\(UUID().uuidString).html"
        let first = try ReportSink(path: path)
        try first.receive(SQLiteSinkTests.call("one"))
        try first.flush()   // the run is killed here: close never comes
        let second = try ReportSink(path: path)
        #expect(try second.storedKeys().ids == ["one"])
        try second.receive(SQLiteSinkTests.call("two", title: "두 번째 기사"))
        try second.close()
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.contains("두 번째 기사") && html.contains("전화통화"))
        #expect(html.contains("<b>2</b> articles"))
    }
}

@Suite struct PipelineSinkTests {
    /// Any page, read by the generic extractor.
    struct AnyPage: SiteAdapter {
        let id = "any", version = "1", summary = "test"
        func confidence(for document: Document) -> Confidence { .certain }
        func extract(_ document: Document) throws(ExtractionError) -> Article { try GenericExtractor().extract(document) }
    }
    static let registry = try! AdapterRegistry([AnyPage()])

    static func files(_ n: Int) throws -> [String] {
        let dir = NSTemporaryDirectory() + "newskit-pipe-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return try (0..<n).map { i in
            let path = dir + "/page\(i).html"
            let html = "<html><head><title>북한 기사 \(i)</title><link rel=canonical href=\"https://news.example/\(i)\">"
                + "<meta property=\"og:type\" content=\"article\"><meta property=\"article:published_time\" content=\"2025-08-13T08:00:00+09:00\"></head><body><article><h1>북한 기사 \(i)</h1>"
                + "<p>평양에서 열린 회의에 관한 \(i)번째 기사의 본문이다. 김정은 국무위원장은 이날 회의를 주재했다고 조선중앙통신이 전했다.</p>"
                + "<p>회의에서는 여러 안건이 논의됐으며 참석자들은 경제 발전 방안을 토의했다. 이번 회의는 이틀 동안 이어졌다.</p></article></body></html>"
            try Data(html.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
    }

    @Test func orderedRunsDeliverInInputOrder() async throws {
        let paths = try Self.files(30)
        let memory = InMemorySink()
        let pipeline = Pipeline(registry: PipelineSinkTests.registry, sinks: [memory], concurrency: 4, ordered: true)
        let summary = await pipeline.run(paths.map { PipelineInput.file($0) })
        #expect(summary.extracted == 30)
        #expect(memory.articles.map(\.file) == paths)
    }

    @Test func aResumedRunSkipsWhatEverySinkStores() async throws {
        let paths = try Self.files(20)
        let jsonl = NSTemporaryDirectory() + "newskit-\(UUID().uuidString).jsonl"
        let db = NSTemporaryDirectory() + "newskit-\(UUID().uuidString).db"
        func run(_ inputs: [String]) async throws -> PipelineSummary {
            let sinks: [any ArticleSink] = [try JSONLinesSink(path: jsonl), try SQLiteSink(path: db)]
            let s = await Pipeline(registry: PipelineSinkTests.registry, sinks: sinks, concurrency: 3, resume: true, batchSize: 5).run(inputs.map { PipelineInput.file($0) })
            for sink in sinks { try sink.close() }
            return s
        }
        let first = try await run(Array(paths.prefix(12)))
        #expect(first.extracted == 12 && first.skipped == 0)
        let second = try await run(paths)
        #expect(second.skipped == 12)
        #expect(second.extracted == 8)
        let lines = try String(contentsOfFile: jsonl, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 20)
        #expect(Set(lines.compactMap { try? JSONDecoder().decode(Article.self, from: Data($0.utf8)).id }).count == 20)
    }

    final class FailsOnce: ArticleSink, @unchecked Sendable {
        let name = "fails-once"
        var seen = 0
        func receive(_ article: Article) throws(SinkError) {
            seen += 1
            if seen == 2 { throw SinkError(.io, sink: name, articleID: article.id, "disk full") }
        }
        func close() throws(SinkError) {}
    }

    @Test func aSinkFailureOnOneArticleLosesNoOther() async throws {
        let paths = try Self.files(5)
        let memory = InMemorySink()
        let summary = await Pipeline(registry: PipelineSinkTests.registry, sinks: [FailsOnce(), memory], concurrency: 2).run(paths.map { PipelineInput.file($0) })
        #expect(summary.sinkErrors.count == 1)
        #expect(summary.sinkErrors.first?.contains("disk full") == true)
        #expect(memory.articles.count == 5)
    }
}

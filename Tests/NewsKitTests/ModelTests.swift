import Foundation
import Testing
import NewsKit
@testable import NewsKitHTML
@testable import NewsKitCore
@testable import NewsKitFetching
@testable import NewsKitSQLite

@Suite struct InstantTests {
    @Test func formatsWithTheOffset() {
        #expect(Instant(year: 2025, month: 8, day: 13, hour: 8)?.iso8601 == "2025-08-13T08:00:00+09:00")
        #expect(Instant(year: 2025, month: 8, day: 13, hour: 8, utcOffset: 0)?.iso8601 == "2025-08-13T08:00:00Z")
        #expect(Instant(year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 59, utcOffset: -5 * 3600)?.iso8601 == "2024-02-29T23:59:59-05:00")
    }

    @Test func rejectsImpossibleDays() {
        #expect(Instant(year: 2025, month: 2, day: 29) == nil)
        #expect(Instant(year: 2025, month: 13, day: 1) == nil)
        #expect(Instant(year: 2025, month: 1, day: 1, hour: 24) == nil)
    }

    @Test func parsesISO8601Forms() {
        #expect(Instant(iso8601: "2025-08-13T08:00:00+09:00")?.date == Instant(iso8601: "2025-08-12T23:00:00Z")?.date)
        #expect(Instant(iso8601: "2025-08-13T08:00:00.123+0900")?.iso8601 == "2025-08-13T08:00:00+09:00")
        #expect(Instant(iso8601: "2025-08-13 08:00")?.iso8601 == "2025-08-13T08:00:00+09:00", "no offset means KST")
        #expect(Instant(iso8601: "2025-08-13")?.iso8601 == "2025-08-13T00:00:00+09:00")
        #expect(Instant(iso8601: "13 Aug 2025") == nil)
        #expect(Instant(iso8601: "2025-08-13T08:00:00+09:00 trailing") == nil)
    }

    @Test func oldAndFarDatesRoundTrip() {
        for (y, m, d) in [(1970, 1, 1), (1999, 12, 31), (2000, 2, 29), (2100, 12, 31)] {
            let i = Instant(year: y, month: m, day: d, hour: 12)!
            #expect(Instant(iso8601: i.iso8601) == i)
            #expect(i.components.year == y && i.components.month == m && i.components.day == d)
        }
    }
}

@Suite struct ArticleJSONTests {
    static let article = Article(
        id: "x", source: Source(id: "yna.co.kr", name: "연합뉴스", homepage: nil, kind: .newsAgency),
        adapter: AdapterInfo(id: "yonhap", version: "1"), title: "푸틴/김정은 \"통화\"",
        body: [BodyBlock(.paragraph, "첫 문단"), BodyBlock(.heading, "소제목")],
        publishedAt: Instant(year: 2025, month: 8, day: 13, hour: 8))

    @Test func keysAreSortedAndAbsentValuesAreNull() throws {
        let json = Self.article.jsonLine
        let keys = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]).keys
        for required in ["id", "url", "canonicalURL", "file", "source", "origin", "adapter", "kicker", "title", "subtitles", "summary",
                         "body", "text", "authors", "dateline", "agency", "publishedAt", "updatedAt", "images", "categories", "tags",
                         "related", "entities", "language", "warnings"] {
            #expect(keys.contains(required), "missing key \(required)")
        }
        #expect(json.contains("\"kicker\":null"))
        #expect(json.contains("\"tags\":[]"))
        #expect(json.contains("\"homepage\":null"))
        // Sorted: each top-level key appears after the one before it alphabetically.
        let order = ["adapter", "agency", "authors", "body", "canonicalURL", "categories", "dateline"]
        let positions = order.compactMap { json.range(of: "\"\($0)\":")?.lowerBound }
        #expect(positions == positions.sorted())
    }

    @Test func hangulAndSlashesAreNotEscapedAndInstantsKeepTheirOffset() {
        let json = Self.article.jsonLine
        #expect(json.contains("\"title\":\"푸틴/김정은 \\\"통화\\\"\""))
        #expect(json.contains("\"publishedAt\":\"2025-08-13T08:00:00+09:00\""))
        #expect(json.contains("\"text\":\"첫 문단\\n\\n소제목\""))
        #expect(!json.contains("\\u"))
    }

    /// An article with every field set, and strings that need escaping.
    static let full: Article = {
        var a = Article(
            id: "y", url: URL(string: "https://example.com/a?b=1&c=/d"), canonicalURL: "https://example.com/a", file: "/tmp/a b.html",
            source: Source(id: "example.com", name: "예시 \\ 신문", homepage: "https://example.com", kind: .newspaper),
            adapter: AdapterInfo(id: "generic", version: "2"), kicker: "단독", title: "tab\there, quote \" and bell \u{7}",
            subtitles: ["부제 1", "line\nbreak"], summary: "요약\r\n", body: [BodyBlock(.quote, "\"인용\""), BodyBlock(.listItem, "\u{1F}x")],
            authors: [Author(name: "홍길동", role: "기자", email: "hong@example.com"), Author(name: "김철수")],
            dateline: "서울", agency: "연합뉴스", publishedAt: Instant(year: 2025, month: 8, day: 13, hour: 8),
            updatedAt: Instant(year: 2025, month: 8, day: 13, hour: 9, minute: 30),
            images: [ArticleImage(url: "https://example.com/i.jpg", caption: "사진", credit: "연합", title: nil)],
            categories: ["정치"], tags: ["북한", "러시아"],
            related: [Teaser(title: "관련", summary: nil, url: "/x", section: "관련 기사")], warnings: ["w1"])
        a.origin = Origin(name: "연합뉴스", title: "원문", publishedAt: Instant(year: 2025, month: 8, day: 12), url: "https://yna.co.kr/x", articleID: "AKR1")
        a.entities = [Entity(name: "블라디미르 푸틴", type: .person, mentions: 2, aliases: ["푸틴"], englishName: "Vladimir Putin",
                             wikidata: "Q7747", spans: [Entity.Span(start: 1, end: 3)])]
        a.eventDates = [EventDate(expression: "12일", date: "2025-08-12", sentence: "12일 통화했다.")]
        a.duplicateOf = "z"
        a.storyID = "s1"
        a.language = "ko"
        return a
    }()

    @Test func directJSONIsExactlyWhatJSONEncoderWrites() {
        for article in [Self.article, Self.full] {
            #expect(article.jsonLine == String(decoding: article.jsonData(), as: UTF8.self))
        }
    }

    @Test func jsonRoundTrips() throws {
        let decoded = try JSONDecoder().decode(Article.self, from: Self.article.jsonData())
        #expect(decoded == Self.article)
    }

    @Test func idsAreStableAndPreferTheCanonicalURL() {
        let s = Source(id: "a", name: nil, homepage: nil, kind: .blog)
        let a = Article.makeID(canonicalURL: nil, source: s, title: "t", text: "body")
        #expect(a == Article.makeID(canonicalURL: nil, source: s, title: "t", text: "body"))
        #expect(a != Article.makeID(canonicalURL: nil, source: s, title: "t", text: "body2"))
        #expect(Article.makeID(canonicalURL: "https://x/1", source: s, title: "t", text: "a") == Article.makeID(canonicalURL: "https://x/1", source: s, title: "u", text: "b"))
        #expect(a.count == 24)
    }

    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array(String(repeating: "a", count: 1000).utf8)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}

@Suite struct SinkTests {
    static func article(_ n: Int) -> Article {
        Article(id: "a\(n)", source: Source(id: "s", name: nil, homepage: nil, kind: .blog), title: "제목 \(n)", body: [BodyBlock(.paragraph, "본문 \(n)")])
    }

    static func tempPath() -> String { NSTemporaryDirectory() + "newskit-\(UUID().uuidString).jsonl" }

    @Test func jsonLinesWritesOneArticlePerLine() throws {
        let path = Self.tempPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let sink = try JSONLinesSink(path: path)
        for n in 0..<3 { try sink.receive(Self.article(n)) }
        try sink.close()
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(try JSONDecoder().decode(Article.self, from: Data(lines[2].utf8)).id == "a2")
        let error = #expect(throws: SinkError.self) { try sink.receive(Self.article(9)) }
        #expect(error?.code == .closed)
        #expect(error?.articleID == "a9")
    }

    @Test func reopeningCutsOffATornLastLineAndAppends() throws {
        let path = Self.tempPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let full = Self.article(0).jsonLine + "\n"
        try (full + "{\"id\":\"torn").write(toFile: path, atomically: true, encoding: .utf8)
        let sink = try JSONLinesSink(path: path)
        try sink.receive(Self.article(1))
        try sink.close()
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { (try? JSONDecoder().decode(Article.self, from: Data($0.utf8))) != nil })
    }

    @Test func unwritablePathIsAClearError() {
        do { _ = try JSONLinesSink(path: "/nonexistent-dir/out.jsonl"); Issue.record("expected an error") } catch {
            #expect(error.code == .io)
            #expect(error.description.contains("/nonexistent-dir/out.jsonl"))
        }
    }

    final class FailingSink: ArticleSink, @unchecked Sendable {
        let name = "failing"
        func receive(_ article: Article) throws(SinkError) { throw SinkError(.io, sink: name, articleID: article.id, "disk full") }
        func close() throws(SinkError) {}
    }

    @Test func multiplexDeliversToEverySinkEvenWhenOneFails() {
        let memory = InMemorySink()
        let sink = MultiplexSink([FailingSink(), memory])
        for n in 0..<2 {
            do { try sink.receive(Self.article(n)); Issue.record("expected the failing sink's error") } catch {
                #expect(error.sink == "failing")
                #expect(error.articleID == "a\(n)")
            }
        }
        #expect(memory.articles.map(\.id) == ["a0", "a1"])
        let two = MultiplexSink([FailingSink(), FailingSink()])
        do { try two.receive(Self.article(5)); Issue.record("expected both failing sinks' errors") } catch {
            #expect(error.code == .multiple)
            #expect(error.underlying.count == 2)
        }
    }
}

import Foundation
import Testing
import NewsKit
@testable import NewsKitCore
@testable import NewsKitPostgres
import TestSupport

/// The PostgreSQL sink against a real server each test starts on 127.0.0.1 and stops.
@Suite(.enabled(if: LocalPostgres.isAvailable, "PostgreSQL is not installed (apt-get install postgresql; .ci/run installs it)"))
struct PostgresSinkTests {
    static func count(_ uri: String, _ sql: String) throws -> Int {
        let c = try PostgresConnection(uri: uri)
        defer { c.close() }
        return Int(try c.query(sql, []).first?.first.flatMap { $0 } ?? "") ?? -1
    }

    @Test func storesUpsertsSearchesAndResumesLikeTheSQLiteSink() async throws {
        // initdb and pg_ctl block for seconds: off the test pool, which other tests share.
        let server = try await offPool { try LocalPostgres() }
        defer { server.stop() }
        let sink = try PostgresSink(uri: server.uri)
        var first = SQLiteSinkTests.call()
        first.title = "옛 제목"
        try sink.receive(first)
        try sink.flush()
        try sink.receive(SQLiteSinkTests.call())   // the same id again: an update, not a second row
        var nul = SQLiteSinkTests.call("nul", title: "앞\u{0}뒤 정상회담")
        nul.body = [BodyBlock(.paragraph, "첫 문단\u{0}그 뒤의 정상회담 이야기")]
        try sink.receive(nul)
        try sink.close()
        #expect(try Self.count(server.uri, "SELECT count(*) FROM articles") == 2)
        #expect(try Self.count(server.uri, "SELECT count(*) FROM articles WHERE title = '푸틴, 김정은과 전화통화…미·러정상회담 정보 공유'") == 1)
        #expect(try Self.count(server.uri, "SELECT count(*) FROM authors WHERE article_id = 'call'") == 1, "child rows replaced, not added")
        #expect(try Self.count(server.uri, "SELECT count(*) FROM mentions WHERE article_id = 'call'") == 1)
        #expect(try Self.count(server.uri, "SELECT count(*) FROM stories WHERE id = 'story-call'") == 1)
        // Search: a title-only word, a two-letter word (a scan), no match, and LIKE wildcards as text.
        let hits = try PostgresSink.search(uri: server.uri, query: "전화통화")
        #expect(hits.map(\.id) == ["call"])
        #expect(hits.first?.snippet == "푸틴, 김정은과 «전화통화»…미·러정상회담 정보 공유")
        #expect(hits.first?.publishedAt == Instant(year: 2025, month: 8, day: 13, hour: 8))
        #expect(try PostgresSink.search(uri: server.uri, query: "북한 푸틴").map(\.id) == ["call"])
        #expect(try PostgresSink.search(uri: server.uri, query: "트럼프").isEmpty)
        #expect(try PostgresSink.search(uri: server.uri, query: "%").isEmpty, "% is plain text")
        #expect(try PostgresSink.search(uri: server.uri, query: "정상회담").count == 2, "text after a NUL is stored and found")
        // Resume: what is stored, and the articles whole (the NUL kept in the JSON).
        let again = try PostgresSink(uri: server.uri)
        defer { try? again.close() }
        #expect(try again.storedKeys().ids == ["call", "nul"])
        #expect(try again.storedKeys().inputs.contains("seed.txt"))
        var stored: [Article] = []
        #expect(try again.forEachStoredArticle { stored.append($0) })
        #expect(Set(stored.map(\.id)) == ["call", "nul"])
        #expect(stored.first { $0.id == "nul" }?.title == "앞\u{0}뒤 정상회담")
    }

    @Test func manyWritersAtOnceStoreEveryArticleExactlyOnce() async throws {
        // initdb and pg_ctl block for seconds: off the test pool, which other tests share.
        let server = try await offPool { try LocalPostgres() }
        defer { server.stop() }
        // Four writers, each with 120 articles: 60 shared by all of them, 60 its own, in batches
        // of 20 written in different orders, so their transactions overlap on the same rows.
        let writers = 4
        let errors = await withTaskGroup(of: [String].self) { group in
            for w in 0..<writers {
                group.addTask {
                    var problems: [String] = []
                    do {
                        let sink = try PostgresSink(uri: server.uri)
                        let ids = ((0..<60).map { "shared-\($0)" } + (0..<60).map { "own-\(w)-\($0)" }).shuffled()
                        for (i, id) in ids.enumerated() {
                            try sink.receive(SQLiteSinkTests.call(id, title: "기사 \(id)"))
                            if i % 20 == 19 { try sink.flush() }
                        }
                        try sink.close()
                    } catch { problems.append("\(error)") }
                    return problems
                }
            }
            var all: [String] = []
            for await p in group { all += p }
            return all
        }
        #expect(errors.isEmpty, "\(errors)")
        #expect(try Self.count(server.uri, "SELECT count(*) FROM articles") == 60 + 60 * writers)
        #expect(try Self.count(server.uri, "SELECT count(DISTINCT id) FROM articles") == 60 + 60 * writers)
        #expect(try Self.count(server.uri, "SELECT count(*) FROM authors") == 60 + 60 * writers, "one author row per article")
    }

    @Test func anArticleTheServerRefusesIsNamedAndTheRestOfTheBatchIsStored() async throws {
        // initdb and pg_ctl block for seconds: off the test pool, which other tests share.
        let server = try await offPool { try LocalPostgres() }
        defer { server.stop() }
        let sink = try PostgresSink(uri: server.uri)
        let c = try PostgresConnection(uri: server.uri)
        defer { c.close() }
        try c.execute("ALTER TABLE articles ADD CONSTRAINT refuse_one CHECK (title IS DISTINCT FROM '거부될 기사')")
        for id in ["a", "b", "c"] { try sink.receive(SQLiteSinkTests.call(id, title: id == "b" ? "거부될 기사" : "기사 \(id)")) }
        let error = #expect(throws: SinkError.self) { try sink.flush() }
        #expect(error?.code == .database && error?.articleID == "b", "\(String(describing: error))")
        #expect(error?.message.contains("1 article(s) refused") == true)
        #expect(try Self.count(server.uri, "SELECT count(*) FROM articles") == 2, "a and c are stored")
        try sink.close()
    }

    @Test func aServerThatCannotBeReachedIsASinkErrorNamingIt() throws {
        let port = try LocalPostgres.freePort()
        let error = #expect(throws: SinkError.self) { try PostgresSink(uri: "postgresql://newskit:secret@127.0.0.1:\(port)/news") }
        #expect(error?.code == .database)
        #expect(error?.sink == "postgresql://newskit@127.0.0.1:\(port)/news", "named, without the password")
        #expect(PostgresSink.displayName("postgresql://u@h/db?password=secret&sslmode=require") == "postgresql://u@h/db?password=…&sslmode=require")
        #expect(PostgresSink.displayName("host=h user=u password=secret dbname=d") == "host=h user=u password=… dbname=d")
        #expect(PostgresConnection.withConnectTimeout("postgresql://u@h/db") == "postgresql://u@h/db?connect_timeout=10")
        #expect(PostgresConnection.withConnectTimeout("postgresql://u@h/db?sslmode=require") == "postgresql://u@h/db?sslmode=require&connect_timeout=10")
    }
}

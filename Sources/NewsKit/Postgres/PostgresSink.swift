import Foundation
import NewsKitCore

/// Stores articles in PostgreSQL, with the same tables and meaning as ``SQLiteSink``'s and
/// Korean substring search through a `pg_trgm` index.
///
/// The schema (`docs/sinks.md`): `articles` (one row per article id, the whole article JSON in
/// `json`), `authors`, `images`, `entities`, `mentions`, `event_dates`, `related` and the view
/// `stories`, created on first use (under an advisory lock, so writers starting together do not
/// race); `articles_search`, a GIN trigram index over the title and text, lets `전화통화` find
/// `푸틴, 김정은과 전화통화…` although Korean is not split into words.
///
/// Guarantees:
/// - An article is upserted by id: a rerun, or another writer storing the same article,
///   updates its row and replaces its child rows; nothing is stored twice.
/// - ``receive(_:)`` holds the article; ``flush()`` writes the batch in one transaction, in id
///   order (so concurrent writers lock rows in the same order), and commits it. A worker killed
///   before the commit loses only that batch, and a rerun with resume writes it again.
/// - A deadlock or serialization failure between writers rolls the batch back and runs it again
///   (up to five times); an article the server refuses is rolled back to its savepoint and
///   reported, and the rest of the batch is kept.
/// - PostgreSQL text cannot hold NUL: in the columns a NUL is stored as U+FFFD; the `json`
///   column keeps the article exactly (JSON escapes it).
///
/// ```swift
/// let db = try PostgresSink(uri: "postgresql://newskit@127.0.0.1:5432/news")
/// try db.receive(article); try db.close()
/// for hit in try PostgresSink.search(uri: "postgresql://newskit@127.0.0.1:5432/news", query: "전화통화") { print(hit.title ?? "") }
/// ```
public final class PostgresSink: ArticleSink, ResumableSink, @unchecked Sendable {
    private let lock = NSLock()
    private let connection: PostgresConnection
    private var batch: [Article] = []
    private var isClosed = false
    /// `postgres://USER@HOST:PORT/DB`, the URI without its password.
    public let name: String
    /// Articles stored (inserted or updated) by this sink.
    public private(set) var count = 0

    /// How many times a batch is run again after a deadlock or serialization failure.
    static let retries = 5

    /// Connects and creates the schema where it is missing.
    /// - Parameter uri: a libpq connection URI, `postgresql://USER@HOST:PORT/DB` (or `postgres://`).
    /// - Throws: ``SinkError`` `database` with the server's or libpq's message (cannot connect,
    ///   the login is refused, the schema cannot be created).
    public init(uri: String) throws(SinkError) {
        name = PostgresSink.displayName(uri)
        do throws(PostgresFailure) {
            connection = try PostgresConnection(uri: uri)
            try connection.execute("SET client_min_messages = warning")
            try connection.execute("BEGIN; SELECT pg_advisory_xact_lock(\(PostgresSink.schemaLock)); \(PostgresSink.schema) COMMIT;")
        } catch {
            throw SinkError(.database, sink: name, error.message)
        }
    }

    /// The advisory lock key schema creation holds ("NewsKit" in ASCII).
    static let schemaLock = 0x4E657773_4B6974

    static let schema = """
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE TABLE IF NOT EXISTS articles (
      id TEXT PRIMARY KEY, seq BIGSERIAL, url TEXT, canonical_url TEXT, file TEXT,
      source_id TEXT, source_name TEXT, source_kind TEXT, adapter TEXT,
      kicker TEXT, title TEXT, summary TEXT, text TEXT NOT NULL,
      published_at TEXT, updated_at TEXT, language TEXT,
      story_id TEXT, duplicate_of TEXT, origin_name TEXT, origin_title TEXT, origin_article_id TEXT,
      json TEXT NOT NULL, stored_at TIMESTAMPTZ NOT NULL DEFAULT now());
    CREATE INDEX IF NOT EXISTS articles_published ON articles(published_at);
    CREATE INDEX IF NOT EXISTS articles_story ON articles(story_id);
    CREATE INDEX IF NOT EXISTS articles_search ON articles USING gin ((coalesce(title, '') || ' ' || text) gin_trgm_ops);
    CREATE TABLE IF NOT EXISTS authors (article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      position INTEGER NOT NULL, name TEXT NOT NULL, role TEXT, email TEXT, PRIMARY KEY (article_id, position));
    CREATE INDEX IF NOT EXISTS authors_name ON authors(name);
    CREATE TABLE IF NOT EXISTS images (article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      position INTEGER NOT NULL, url TEXT, caption TEXT, credit TEXT, PRIMARY KEY (article_id, position));
    CREATE TABLE IF NOT EXISTS entities (article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      name TEXT NOT NULL, type TEXT NOT NULL, english_name TEXT, wikidata TEXT, mentions INTEGER NOT NULL,
      PRIMARY KEY (article_id, type, name));
    CREATE INDEX IF NOT EXISTS entities_name ON entities(name, type);
    CREATE TABLE IF NOT EXISTS mentions (article_id TEXT NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL,
      start INTEGER NOT NULL, "end" INTEGER NOT NULL,
      FOREIGN KEY (article_id, type, name) REFERENCES entities(article_id, type, name) ON DELETE CASCADE);
    CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(article_id, type, name);
    CREATE TABLE IF NOT EXISTS event_dates (article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      position INTEGER NOT NULL, expression TEXT NOT NULL, date TEXT NOT NULL, sentence TEXT, PRIMARY KEY (article_id, position));
    CREATE INDEX IF NOT EXISTS event_dates_date ON event_dates(date);
    CREATE TABLE IF NOT EXISTS related (article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      position INTEGER NOT NULL, title TEXT, url TEXT, PRIMARY KEY (article_id, position));
    CREATE OR REPLACE VIEW stories AS
      SELECT story_id AS id, count(*) AS articles, min(published_at) AS first_published, max(published_at) AS last_published,
             (SELECT title FROM articles a2 WHERE a2.story_id = a.story_id AND a2.title IS NOT NULL ORDER BY published_at LIMIT 1) AS title
      FROM articles a WHERE story_id IS NOT NULL GROUP BY story_id;
    """

    /// Holds the article for the next ``flush()``.
    /// - Parameter article: the article to store.
    /// - Throws: ``SinkError`` `closed` after ``close()``.
    public func receive(_ article: Article) throws(SinkError) {
        lock.lock(); defer { lock.unlock() }
        guard !isClosed else { throw SinkError(.closed, sink: name, articleID: article.id, "the sink is closed") }
        batch.append(article)
    }

    /// Writes the held articles in one transaction and commits it.
    /// - Throws: ``SinkError`` `database` when the transaction cannot be committed (the batch is
    ///   then not stored) or when the server refused some articles (the others are stored; the
    ///   message names the refused ones).
    public func flush() throws(SinkError) {
        lock.lock(); defer { lock.unlock() }
        guard !isClosed else { return }
        try writeBatch()
    }

    private func writeBatch() throws(SinkError) {
        guard !batch.isEmpty else { return }
        // The last version of an id in the batch wins, as it would one article at a time.
        var latest: [String: Article] = [:]
        for a in batch { latest[a.id] = a }
        let articles = latest.keys.sorted().map { latest[$0]! }
        var attempt = 0
        while true {
            attempt += 1
            var refused: [(String, String)] = []
            do throws(PostgresFailure) {
                let texts = try articles.map { (a) throws(PostgresFailure) in try statements(a) }
                do throws(PostgresFailure) {
                    // The whole batch in one round trip.
                    try connection.execute("BEGIN;\n" + texts.joined() + "COMMIT;")
                } catch where !error.isRetryable {
                    // One article is refused: again one article at a time, each behind a savepoint,
                    // so the others are kept and the refused one is named.
                    try? connection.execute("ROLLBACK")
                    try connection.execute("BEGIN")
                    for (a, text) in zip(articles, texts) {
                        do throws(PostgresFailure) {
                            try connection.execute("SAVEPOINT article;\n" + text + "RELEASE SAVEPOINT article;")
                        } catch where !error.isRetryable {
                            try connection.execute("ROLLBACK TO SAVEPOINT article; RELEASE SAVEPOINT article")
                            refused.append((a.id, error.message))
                        }
                    }
                    try connection.execute("COMMIT")
                }
            } catch {
                try? connection.execute("ROLLBACK")
                if error.isRetryable && attempt <= PostgresSink.retries {
                    usleep(UInt32(20_000 * attempt))
                    continue
                }
                // The batch is dropped (a resumed run takes its inputs again), so a sink whose
                // server went away does not hold ever more articles; the connection is tried again.
                batch.removeAll()
                if connection.isBroken { connection.reset() }
                throw SinkError(.database, sink: name, "batch of \(articles.count) not stored: \(error.message)")
            }
            count += articles.count - refused.count
            batch.removeAll()
            if !refused.isEmpty {
                throw SinkError(.database, sink: name, articleID: refused[0].0,
                                "\(refused.count) article(s) refused: " + refused.map { "\($0.0): \($0.1)" }.joined(separator: "; "))
            }
            return
        }
    }

    /// Text PostgreSQL can hold: a NUL becomes U+FFFD.
    static func storable(_ s: String?) -> String? {
        guard let s else { return nil }
        return s.utf8.contains(0) ? s.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") : s
    }

    /// The statements that store one article: its upsert, then its child rows replaced, as one
    /// text (values quoted by libpq), so an article costs one round trip, a batch one.
    private func statements(_ a: Article) throws(PostgresFailure) -> String {
        func q(_ s: String?) throws(PostgresFailure) -> String { try connection.literal(PostgresSink.storable(s)) }
        let id = try q(a.id)
        var sql = """
            INSERT INTO articles (id, url, canonical_url, file, source_id, source_name, source_kind, adapter, kicker, title, summary, text,
              published_at, updated_at, language, story_id, duplicate_of, origin_name, origin_title, origin_article_id, json)
            VALUES (\(id), \(try q(a.url?.absoluteString)), \(try q(a.canonicalURL)), \(try q(a.file)), \(try q(a.source.id)),
              \(try q(a.source.name)), \(try q(a.source.kind.rawValue)), \(try q(a.adapter.id)), \(try q(a.kicker)), \(try q(a.title)),
              \(try q(a.summary)), \(try q(a.text)), \(try q(a.publishedAt?.iso8601)), \(try q(a.updatedAt?.iso8601)), \(try q(a.language)),
              \(try q(a.storyID)), \(try q(a.duplicateOf)), \(try q(a.origin?.name)), \(try q(a.origin?.title)), \(try q(a.origin?.articleID)),
              \(try connection.literal(String(decoding: a.jsonBytes, as: UTF8.self))))
            ON CONFLICT (id) DO UPDATE SET url=excluded.url, canonical_url=excluded.canonical_url, file=excluded.file,
              source_id=excluded.source_id, source_name=excluded.source_name, source_kind=excluded.source_kind, adapter=excluded.adapter,
              kicker=excluded.kicker, title=excluded.title, summary=excluded.summary, text=excluded.text,
              published_at=excluded.published_at, updated_at=excluded.updated_at, language=excluded.language,
              story_id=excluded.story_id, duplicate_of=excluded.duplicate_of, origin_name=excluded.origin_name,
              origin_title=excluded.origin_title, origin_article_id=excluded.origin_article_id, json=excluded.json, stored_at=now();

            """
        // Child rows are replaced wholesale, so a rerun leaves exactly the new article's.
        for table in ["mentions", "entities", "authors", "images", "event_dates", "related"] {
            sql += "DELETE FROM \(table) WHERE article_id = \(id);\n"
        }
        func insert(_ table: String, _ rows: [String], conflict: String = "") {
            if !rows.isEmpty { sql += "INSERT INTO \(table) VALUES " + rows.joined(separator: ",") + conflict + ";\n" }
        }
        var rows: [String] = []
        for (i, au) in a.authors.enumerated() { rows.append("(\(id),\(i),\(try q(au.name)),\(try q(au.role)),\(try q(au.email)))") }
        insert("authors", rows)
        rows = []
        for (i, im) in a.images.enumerated() { rows.append("(\(id),\(i),\(try q(im.url)),\(try q(im.caption)),\(try q(im.credit)))") }
        insert("images", rows)
        rows = []
        var mentions: [String] = []
        for e in a.entities {
            let name = try q(e.name), type = try q(e.type.rawValue)
            rows.append("(\(id),\(name),\(type),\(try q(e.englishName)),\(try q(e.wikidata)),\(e.mentions))")
            for span in e.spans { mentions.append("(\(id),\(type),\(name),\(span.start),\(span.end))") }
        }
        insert("entities", rows, conflict: " ON CONFLICT DO NOTHING")
        insert("mentions", mentions)
        rows = []
        for (i, d) in a.eventDates.enumerated() { rows.append("(\(id),\(i),\(try q(d.expression)),\(try q(d.date)),\(try q(d.sentence)))") }
        insert("event_dates", rows)
        rows = []
        for (i, r) in a.related.enumerated() { rows.append("(\(id),\(i),\(try q(r.title)),\(try q(r.url)))") }
        insert("related", rows)
        return sql
    }

    /// Writes what is held and closes the connection; later calls do nothing.
    /// - Throws: ``SinkError`` `database` when the last batch cannot be stored.
    public func close() throws(SinkError) {
        lock.lock(); defer { lock.unlock() }
        guard !isClosed else { return }
        isClosed = true
        defer { connection.close() }
        try writeBatch()
    }

    /// The ids, files and URLs of the articles the database holds (for resuming a run).
    /// - Returns: every stored article's id, and its file, URL and canonical URL as inputs.
    /// - Throws: ``SinkError`` `database` when the query fails.
    public func storedKeys() throws(SinkError) -> StoredKeys {
        lock.lock(); defer { lock.unlock() }
        var keys = StoredKeys()
        do throws(PostgresFailure) {
            for row in try connection.query("SELECT id, file, url, canonical_url FROM articles", []) {
                if let id = row[0] { keys.ids.insert(id) }
                for k in row.dropFirst() { if let k { keys.inputs.insert(k) } }
            }
        } catch { throw SinkError(.database, sink: name, error.message) }
        return keys
    }

    /// Every stored article, in the order it was first stored.
    /// - Parameter body: called once per article.
    /// - Returns: true: the database holds whole articles.
    /// - Throws: ``SinkError`` `database` when the query fails.
    public func forEachStoredArticle(_ body: (Article) -> Void) throws(SinkError) -> Bool {
        lock.lock(); defer { lock.unlock() }
        let decoder = JSONDecoder()
        do throws(PostgresFailure) {
            // Through a cursor, 500 at a time, so a large database is not read into memory at once.
            try connection.execute("BEGIN; DECLARE stored NO SCROLL CURSOR FOR SELECT json FROM articles ORDER BY seq")
            defer { try? connection.execute("CLOSE stored; COMMIT") }
            while true {
                let rows = try connection.query("FETCH 500 FROM stored", [])
                if rows.isEmpty { break }
                for row in rows {
                    if let j = row[0], let a = try? decoder.decode(Article.self, from: Data(j.utf8)) { body(a) }
                }
            }
        } catch { throw SinkError(.database, sink: name, error.message) }
        return true
    }

    // MARK: - Search

    /// Substring search over titles and texts (Korean needs no word boundaries), newest first:
    /// every word must occur in the title or the text; the trigram index serves words of three
    /// or more characters, shorter ones are found by a scan.
    /// - Parameters:
    ///   - uri: the database, as for ``init(uri:)``.
    ///   - query: words separated by spaces; `%`, `_` and `\` are plain text.
    ///   - limit: the most hits returned.
    /// - Returns: up to `limit` hits, newest first (undated last), each with a marked snippet;
    ///   empty for a blank query or when nothing matches.
    /// - Throws: ``SinkError`` `database` when the server cannot be reached or holds no NewsKit tables.
    public static func search(uri: String, query: String, limit: Int = 20) throws(SinkError) -> [SearchHit] {
        let words = SearchQuery.words(query)
        guard !words.isEmpty else { return [] }
        let conditions = words.indices.map { "(coalesce(title, '') || ' ' || text) ILIKE $\($0 + 1)" }.joined(separator: " AND ")
        let sql = """
            SELECT id, title, published_at, coalesce(source_name, source_id), url, text FROM articles
            WHERE \(conditions) ORDER BY published_at DESC NULLS LAST, id LIMIT \(max(0, limit))
            """
        do throws(PostgresFailure) {
            let connection = try PostgresConnection(uri: uri)
            defer { connection.close() }
            return try connection.query(sql, words.map(SearchQuery.likePattern)).map { row in
                SearchHit(id: row[0] ?? "", title: row[1], publishedAt: row[2].flatMap { Instant(iso8601: $0) }, source: row[3] ?? "",
                          url: row[4].flatMap { URL(string: $0) }, snippet: SearchSnippet.make(title: row[1], text: row[5] ?? "", words: words))
            }
        } catch {
            throw SinkError(.database, sink: displayName(uri), error.message)
        }
    }

    /// The URI without a password, wherever it is written: `postgresql://user:secret@host/db`
    /// → `postgresql://user@host/db`; `?password=secret` and `password=secret` (key=value form) →
    /// `password=…`.
    static func displayName(_ uri: String) -> String {
        var out = uri
        if let at = out.range(of: "@"), let scheme = out.range(of: "://"), scheme.upperBound < at.lowerBound,
           let colon = out[scheme.upperBound..<at.lowerBound].firstIndex(of: ":") {
            out.removeSubrange(colon..<at.lowerBound)
        }
        while let r = out.range(of: "password=", options: .caseInsensitive) {
            let end = out[r.upperBound...].firstIndex { $0 == "&" || $0 == " " } ?? out.endIndex
            if out[r.upperBound..<end] == "…" { break }
            out.replaceSubrange(r.upperBound..<end, with: "…")
        }
        return out
    }
}

extension ArticleSink where Self == PostgresSink {
    /// A PostgreSQL database with Korean substring search.
    /// - Parameter uri: a libpq connection URI, `postgresql://USER@HOST:PORT/DB`.
    /// - Returns: a ``PostgresSink`` writing to it.
    /// - Throws: ``SinkError`` `database` when it cannot connect, as ``PostgresSink/init(uri:)`` throws.
    public static func postgres(uri: String) throws(SinkError) -> PostgresSink { try PostgresSink(uri: uri) }
}

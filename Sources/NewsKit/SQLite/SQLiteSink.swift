import Foundation
import NewsKitCore

/// Stores articles in a SQLite database with Korean full-text search.
///
/// The schema (`docs/sinks.md`): `articles` (one row per article id, the whole article JSON in
/// `json`), `authors`, `images`, `entities`, `mentions`, `event_dates`, `related`, the view
/// `stories`, and `articles_fts`, an FTS5 table with the `trigram` tokenizer, so `전화통화`
/// finds `푸틴, 김정은과 전화통화…` although Korean is not split into words.
///
/// Guarantees: an article is upserted by id (a rerun updates the row and replaces its child
/// rows instead of duplicating); articles are written in transactions of one batch (committed
/// by ``flush()``), in WAL mode, so a crash loses at most the uncommitted batch and never leaves
/// half an article; a failing article is rolled back to a savepoint and reported, and the rest
/// of the batch is kept.
///
/// ```swift
/// let db = try SQLiteSink(path: "news.db")
/// try db.receive(article); try db.close()
/// for hit in try SQLiteSink.search(path: "news.db", query: "전화통화") { print(hit.title ?? "") }
/// ```
public final class SQLiteSink: ArticleSink, ResumableSink, @unchecked Sendable {
    private let lock = NSLock()
    private let db: SQLiteDatabase
    private var inTransaction = false
    private var isClosed = false
    public let name: String
    /// Articles stored (inserted or updated) by this sink.
    public private(set) var count = 0

    static let schemaVersion = 1

    /// Opens or creates the database and its schema.
    /// - Parameter path: the database file, created with its schema when missing; an existing
    ///   NewsKit database is added to.
    /// - Throws: ``SinkError`` `database` with SQLite's message (not a database, read-only …).
    public init(path: String) throws(SinkError) {
        name = "sqlite:\(path)"
        do throws(SQLiteFailure) {
            db = try SQLiteDatabase(path: path)
            try db.execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;")
            try db.execute(Self.schema)
        } catch {
            throw SinkError(.database, sink: "sqlite:\(path)", error.message)
        }
    }

    static let schema = """
    CREATE TABLE IF NOT EXISTS articles (
      id TEXT PRIMARY KEY, url TEXT, canonical_url TEXT, file TEXT,
      source_id TEXT, source_name TEXT, source_kind TEXT, adapter TEXT,
      kicker TEXT, title TEXT, summary TEXT, text TEXT NOT NULL,
      published_at TEXT, updated_at TEXT, language TEXT,
      story_id TEXT, duplicate_of TEXT, origin_name TEXT, origin_title TEXT, origin_article_id TEXT,
      json TEXT NOT NULL, stored_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));
    CREATE INDEX IF NOT EXISTS articles_published ON articles(published_at);
    CREATE INDEX IF NOT EXISTS articles_story ON articles(story_id);
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
      start INTEGER NOT NULL, end INTEGER NOT NULL,
      FOREIGN KEY (article_id, type, name) REFERENCES entities(article_id, type, name) ON DELETE CASCADE);
    CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(article_id, type, name);
    CREATE TABLE IF NOT EXISTS event_dates (article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      position INTEGER NOT NULL, expression TEXT NOT NULL, date TEXT NOT NULL, sentence TEXT, PRIMARY KEY (article_id, position));
    CREATE INDEX IF NOT EXISTS event_dates_date ON event_dates(date);
    CREATE TABLE IF NOT EXISTS related (article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      position INTEGER NOT NULL, title TEXT, url TEXT, PRIMARY KEY (article_id, position));
    CREATE VIEW IF NOT EXISTS stories AS
      SELECT story_id AS id, count(*) AS articles, min(published_at) AS first_published, max(published_at) AS last_published,
             (SELECT title FROM articles a2 WHERE a2.story_id = a.story_id AND a2.title IS NOT NULL ORDER BY published_at LIMIT 1) AS title
      FROM articles a WHERE story_id IS NOT NULL GROUP BY story_id;
    CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(article_id UNINDEXED, title, text, tokenize='trigram');
    PRAGMA user_version = 1;
    """

    public func receive(_ article: Article) throws(SinkError) {
        lock.lock(); defer { lock.unlock() }
        guard !isClosed else { throw SinkError(.closed, sink: name, articleID: article.id, "the sink is closed") }
        do throws(SQLiteFailure) {
            if !inTransaction { try db.execute("BEGIN"); inTransaction = true }
            try db.execute("SAVEPOINT article")
            do throws(SQLiteFailure) {
                try store(article)
                try db.execute("RELEASE article")
            } catch {
                try? db.execute("ROLLBACK TO article; RELEASE article")
                throw error
            }
            count += 1
        } catch {
            throw SinkError(.database, sink: name, articleID: article.id, error.message)
        }
    }

    private func store(_ a: Article) throws(SQLiteFailure) {
        let json = String(decoding: a.jsonBytes, as: UTF8.self)
        try db.run("""
            INSERT INTO articles (id, url, canonical_url, file, source_id, source_name, source_kind, adapter, kicker, title, summary, text,
              published_at, updated_at, language, story_id, duplicate_of, origin_name, origin_title, origin_article_id, json)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            ON CONFLICT(id) DO UPDATE SET url=excluded.url, canonical_url=excluded.canonical_url, file=excluded.file,
              source_id=excluded.source_id, source_name=excluded.source_name, source_kind=excluded.source_kind, adapter=excluded.adapter,
              kicker=excluded.kicker, title=excluded.title, summary=excluded.summary, text=excluded.text,
              published_at=excluded.published_at, updated_at=excluded.updated_at, language=excluded.language,
              story_id=excluded.story_id, duplicate_of=excluded.duplicate_of, origin_name=excluded.origin_name,
              origin_title=excluded.origin_title, origin_article_id=excluded.origin_article_id, json=excluded.json,
              stored_at=strftime('%Y-%m-%dT%H:%M:%SZ','now')
            """, [.text(a.id), .init(a.url?.absoluteString), .init(a.canonicalURL), .init(a.file), .text(a.source.id), .init(a.source.name),
                  .text(a.source.kind.rawValue), .text(a.adapter.id), .init(a.kicker), .init(a.title), .init(a.summary), .text(a.text),
                  .init(a.publishedAt?.iso8601), .init(a.updatedAt?.iso8601), .init(a.language), .init(a.storyID), .init(a.duplicateOf),
                  .init(a.origin?.name), .init(a.origin?.title), .init(a.origin?.articleID), .text(json)])
        // Child rows are replaced wholesale, so a rerun leaves exactly the new article's.
        for table in ["mentions", "entities", "authors", "images", "event_dates", "related"] {
            try db.run("DELETE FROM \(table) WHERE article_id = ?", [.text(a.id)])
        }
        // The full-text row shares the article's rowid, so replacing it is an indexed lookup.
        var rowid = 0
        try db.run("SELECT rowid FROM articles WHERE id = ?", [.text(a.id)]) { rowid = $0.int(0) }
        try db.run("DELETE FROM articles_fts WHERE rowid = ?", [.int(rowid)])
        for (i, au) in a.authors.enumerated() {
            try db.run("INSERT INTO authors VALUES (?,?,?,?,?)", [.text(a.id), .int(i), .text(au.name), .init(au.role), .init(au.email)])
        }
        for (i, im) in a.images.enumerated() {
            try db.run("INSERT INTO images VALUES (?,?,?,?,?)", [.text(a.id), .int(i), .init(im.url), .init(im.caption), .init(im.credit)])
        }
        for e in a.entities {
            try db.run("INSERT OR IGNORE INTO entities VALUES (?,?,?,?,?,?)",
                       [.text(a.id), .text(e.name), .text(e.type.rawValue), .init(e.englishName), .init(e.wikidata), .int(e.mentions)])
            for s in e.spans {
                try db.run("INSERT INTO mentions VALUES (?,?,?,?,?)", [.text(a.id), .text(e.type.rawValue), .text(e.name), .int(s.start), .int(s.end)])
            }
        }
        for (i, d) in a.eventDates.enumerated() {
            try db.run("INSERT INTO event_dates VALUES (?,?,?,?,?)", [.text(a.id), .int(i), .text(d.expression), .text(d.date), .text(d.sentence)])
        }
        for (i, r) in a.related.enumerated() {
            try db.run("INSERT INTO related VALUES (?,?,?,?)", [.text(a.id), .int(i), .init(r.title), .init(r.url)])
        }
        // The tables keep text as given, NULs included; FTS5's trigram tokenizer stops at a NUL,
        // so the index gets a copy with each NUL read as a space.
        try db.run("INSERT INTO articles_fts (rowid, article_id, title, text) VALUES (?,?,?,?)",
                   [.int(rowid), .text(a.id), .init(a.title.map(SQLiteSink.indexable)), .text(SQLiteSink.indexable(a.text))])
    }

    /// Text for the full-text index: NUL (which ends FTS5's tokenizing) becomes a space.
    static func indexable(_ text: String) -> String {
        text.utf8.contains(0) ? String(decoding: text.utf8.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self) : text
    }

    /// Commits the batch; nothing happens when no batch is open or the sink is closed.
    /// - Throws: ``SinkError`` `database` when the commit fails (the disk is full, the file is
    ///   locked …); the batch's articles are then not stored.
    public func flush() throws(SinkError) {
        lock.lock(); defer { lock.unlock() }
        guard inTransaction, !isClosed else { return }
        do throws(SQLiteFailure) { try db.execute("COMMIT"); inTransaction = false } catch {
            throw SinkError(.database, sink: name, "commit failed: \(error.message)")
        }
    }

    public func close() throws(SinkError) {
        lock.lock(); defer { lock.unlock() }
        guard !isClosed else { return }
        isClosed = true
        defer { db.close() }
        if inTransaction {
            do throws(SQLiteFailure) { try db.execute("COMMIT") } catch { throw SinkError(.database, sink: name, "commit failed: \(error.message)") }
        }
        try? db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }

    public func storedKeys() throws(SinkError) -> StoredKeys {
        lock.lock(); defer { lock.unlock() }
        var keys = StoredKeys()
        do throws(SQLiteFailure) {
            try db.run("SELECT id, file, url, canonical_url FROM articles") { row in
                if let id = row.text(0) { keys.ids.insert(id) }
                for i in 1...3 { if let k = row.text(Int32(i)) { keys.inputs.insert(k) } }
            }
        } catch { throw SinkError(.database, sink: name, error.message) }
        return keys
    }

    public func forEachStoredArticle(_ body: (Article) -> Void) throws(SinkError) -> Bool {
        lock.lock(); defer { lock.unlock() }
        let decoder = JSONDecoder()
        do throws(SQLiteFailure) {
            try db.run("SELECT json FROM articles ORDER BY rowid") { row in
                if let j = row.text(0), let a = try? decoder.decode(Article.self, from: Data(j.utf8)) { body(a) }
            }
        } catch { throw SinkError(.database, sink: name, error.message) }
        return true
    }

    // MARK: - Search

    /// One article found by ``search(path:query:limit:)`` (the same as every database sink's).
    public typealias SearchHit = NewsKitCore.SearchHit

    /// Full-text search over titles and texts (substring semantics: Korean needs no word
    /// boundaries). Queries of three or more characters use the trigram index; shorter ones scan.
    /// Newest first.
    /// - Parameters:
    ///   - path: the database file, opened read-only; it must exist.
    ///   - query: words separated by spaces, each of which must occur (FTS5 operators are
    ///     plain text here); surrounding whitespace is ignored.
    ///   - limit: the most hits returned.
    /// - Returns: up to `limit` hits, newest first (undated last); empty for a blank query or
    ///   when nothing matches.
    /// - Throws: ``SinkError`` `database` when the file is missing or is not a NewsKit database.
    public static func search(path: String, query: String, limit: Int = 20) throws(SinkError) -> [SearchHit] {
        let q = query.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !q.isEmpty else { return [] }
        var hits: [SearchHit] = []
        do throws(SQLiteFailure) {
            guard FileManager.default.fileExists(atPath: path) else { throw SQLiteFailure(message: "no such database") }
            let db = try SQLiteDatabase(path: path, readOnly: true)
            defer { db.close() }
            let sql: String
            var args: [SQLiteValue]
            let words = SearchQuery.words(q)
            if words.allSatisfy({ $0.count >= 3 }) {
                // Each word must occur; quoted so FTS5 operators in the query are plain text.
                let match = words.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " AND ")
                sql = """
                SELECT a.id, a.title, a.published_at, coalesce(a.source_name, a.source_id), a.url, a.text
                FROM articles_fts f JOIN articles a ON a.id = f.article_id WHERE articles_fts MATCH ?
                ORDER BY a.published_at DESC NULLS LAST LIMIT ?
                """
                args = [.text(match), .int(limit)]
            } else {
                // The trigram index needs three characters; shorter words are found by scanning.
                let conditions = words.map { _ in "(title LIKE ? ESCAPE '\\' OR text LIKE ? ESCAPE '\\')" }.joined(separator: " AND ")
                sql = """
                SELECT id, title, published_at, coalesce(source_name, source_id), url, text
                FROM articles WHERE \(conditions)
                ORDER BY published_at DESC NULLS LAST LIMIT ?
                """
                args = []
                for w in words { args += [.text(SearchQuery.likePattern(w)), .text(SearchQuery.likePattern(w))] }
                args.append(.int(limit))
            }
            try db.run(sql, args) { row in
                let title = row.text(1)
                hits.append(SearchHit(id: row.text(0) ?? "", title: title, publishedAt: row.text(2).flatMap { Instant(iso8601: $0) },
                                      source: row.text(3) ?? "", url: row.text(4).flatMap { URL(string: $0) },
                                      snippet: SearchSnippet.make(title: title, text: row.text(5) ?? "", words: words)))
            }
        } catch {
            throw SinkError(.database, sink: "sqlite:\(path)", error.message)
        }
        return hits
    }
}

extension ArticleSink where Self == SQLiteSink {
    /// A SQLite database with full-text search.
    /// - Parameter path: the database file, created when missing.
    /// - Returns: a ``SQLiteSink`` writing to it.
    /// - Throws: ``SinkError`` `database` when it cannot be opened, as ``SQLiteSink/init(path:)`` throws.
    public static func sqlite(path: String) throws(SinkError) -> SQLiteSink { try SQLiteSink(path: path) }
}

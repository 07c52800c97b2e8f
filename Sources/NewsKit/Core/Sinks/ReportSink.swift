import Foundation
import NewsKitHTML

/// Writes one self-contained HTML report of a run: the articles with their sources and dates,
/// entities highlighted in each excerpt, story groups that fold, the most named entities and a
/// timeline on a real date axis; a search box and the entity chips filter the cards within the
/// page. No external assets and no network (styles, the SVG timeline and one small script are
/// inline), so the file can be mailed or archived as is.
///
/// Guarantees: a compact record of each article (headline, source, dates, story, the first
/// ~400 characters of text with its entity spans) is appended to `<path>.records.jsonl` as it
/// arrives and synced on ``flush()``; ``close()`` writes the HTML from those records (to a
/// temporary file renamed into place). A run that is killed and resumed with the same path
/// therefore reports every article of both runs. Memory holds only the records while the
/// HTML is written; the report shows at most ``maximumCards`` article cards (all of them count
/// in the totals, stories and timeline).
public final class ReportSink: ArticleSink, ResumableSink, @unchecked Sendable {
    /// The HTML file written on ``close()``; its records live beside it in `<path>.records.jsonl`.
    public let path: String
    public let name: String
    /// Article cards shown at most.
    public let maximumCards: Int
    private let records: JSONLinesRecords
    private let lock = NSLock()
    private var isClosed = false

    /// Opens a report, appending to the records a killed run left at `<path>.records.jsonl`.
    /// - Parameters:
    ///   - path: the HTML file to write on ``close()``; an existing one is replaced then.
    ///   - maximumCards: the most article cards shown (all articles count in the totals).
    /// - Throws: ``SinkError`` `io` when the records file cannot be opened.
    public init(path: String, maximumCards: Int = 1000) throws(SinkError) {
        self.path = path
        self.name = "report:\(path)"
        self.maximumCards = maximumCards
        records = try JSONLinesRecords(path: path + ".records.jsonl", sinkName: "report:\(path)")
    }

    /// What the report keeps of an article.
    struct Record: Codable {
        var id: String
        var title: String?
        var source: String
        var adapter: String
        var published: String?
        var url: String?
        var file: String?
        var story: String?
        var duplicateOf: String?
        var origin: String?
        var excerpt: String
        /// Entity spans inside the excerpt: start, end, type.
        var marks: [[Int]]
        var entities: [[String]]   // name, type, mentions
        var events: [String]
    }

    static let excerptLength = 400

    static func record(_ a: Article) -> Record {
        let scalars = Array(a.text.unicodeScalars.prefix(excerptLength))
        var marks: [[Int]] = []
        let types: [Entity.Kind] = [.person, .organization, .place]
        for e in a.entities {
            for s in e.spans where s.end <= scalars.count { marks.append([s.start, s.end, types.firstIndex(of: e.type) ?? 0]) }
        }
        marks.sort { $0[0] < $1[0] }
        return Record(id: a.id, title: a.title, source: a.source.name ?? a.source.id, adapter: a.adapter.id,
                      published: a.publishedAt?.iso8601, url: a.preferredURL, file: a.file, story: a.storyID,
                      duplicateOf: a.duplicateOf, origin: a.origin?.name,
                      excerpt: String(String.UnicodeScalarView(scalars)) + (a.text.unicodeScalars.count > excerptLength ? "…" : ""),
                      marks: marks, entities: a.entities.prefix(12).map { [$0.name, $0.type.rawValue, String($0.mentions)] },
                      events: a.eventDates.prefix(3).map { "\($0.date) (\($0.expression))" })
    }

    public func receive(_ article: Article) throws(SinkError) {
        lock.lock(); defer { lock.unlock() }
        guard !isClosed else { throw SinkError(.closed, sink: name, articleID: article.id, "the sink is closed") }
        let data: Data
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            data = try encoder.encode(Self.record(article))
        } catch { throw SinkError(.encoding, sink: name, articleID: article.id, "\(error)") }
        try records.append(Array(data), id: article.id, inputs: [article.file, article.url?.absoluteString, article.canonicalURL].compactMap { $0 })
    }

    public func flush() throws(SinkError) {
        lock.lock(); defer { lock.unlock() }
        guard !isClosed else { return }
        try records.sync()
    }

    public func storedKeys() throws(SinkError) -> StoredKeys { try records.keys() }

    public func close() throws(SinkError) {
        lock.lock(); defer { lock.unlock() }
        guard !isClosed else { return }
        isClosed = true
        try records.sync()
        var all: [Record] = []
        let decoder = JSONDecoder()
        try records.forEachLine { line in if let r = try? decoder.decode(Record.self, from: Data(line)) { all.append(r) } }
        records.close()
        let html = ReportHTML(records: all, maximumCards: maximumCards).render()
        let temporary = path + ".tmp"
        do {
            try Data(html.utf8).write(to: URL(fileURLWithPath: temporary))
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: temporary, toPath: path)
        } catch {
            throw SinkError(.io, sink: name, "cannot write the report: \(error.localizedDescription)")
        }
    }
}

extension ArticleSink where Self == ReportSink {
    /// A self-contained HTML report of the run.
    /// - Parameter path: the HTML file written on close.
    /// - Returns: a ``ReportSink`` showing at most 1,000 article cards.
    /// - Throws: ``SinkError`` `io` when the records file cannot be opened.
    public static func report(path: String) throws(SinkError) -> ReportSink { try ReportSink(path: path) }
}

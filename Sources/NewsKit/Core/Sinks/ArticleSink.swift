import Foundation

/// Receives finished articles: a file, a database, a report, a test's array.
///
/// Sinks compose: ``MultiplexSink`` is itself a sink that fans out to several. Static factories
/// make call sites read well:
/// ```swift
/// let sink: any ArticleSink = .multiplex([try .jsonLines(path: "out.jsonl"), .inMemory()])
/// try sink.receive(article)
/// try sink.close()
/// ```
///
/// Implementation requirements: `receive` may buffer; `flush` makes everything received so far
/// durable (the end of a batch); `close` flushes and releases resources, after which `receive`
/// throws ``SinkError/Code/closed``. A failure concerns one article or one flush and is thrown
/// as a ``SinkError``; the sink stays usable for the next article. Each sink documents its
/// guarantees. Sinks are reference types shared across tasks and lock what they change.
public protocol ArticleSink: AnyObject, Sendable {
    /// A name for messages (`jsonl:out.jsonl`).
    var name: String { get }
    /// Takes one article.
    /// - Parameter article: the finished article; a sink that stores by id replaces an
    ///   earlier one with the same ``Article/id`` or keeps both, as it documents.
    /// - Throws: ``SinkError`` for this article alone (`closed` after ``close()``, `encoding`,
    ///   `io`, `database`); the sink takes the next one.
    func receive(_ article: Article) throws(SinkError)
    /// Makes everything received so far durable. The default does nothing, for sinks that
    /// write through.
    /// - Throws: ``SinkError`` when writing, syncing or committing fails.
    func flush() throws(SinkError)
    /// Flushes and releases resources. Idempotent.
    /// - Throws: ``SinkError`` when the final flush or write fails; the sink counts as closed
    ///   all the same, and a second `close` does nothing.
    func close() throws(SinkError)
}

extension ArticleSink {
    public func flush() throws(SinkError) {}
}

/// What a sink already holds from earlier runs, so a rerun can skip it.
public struct StoredKeys: Sendable, Hashable {
    /// The inputs stored articles came from: their ``Article/file``, ``Article/url`` and
    /// ``Article/canonicalURL``.
    public var inputs: Set<String> = []
    /// The stored articles' ids.
    public var ids: Set<String> = []
    /// Makes a set of stored keys.
    /// - Parameters:
    ///   - inputs: the files and URLs stored articles came from.
    ///   - ids: the stored articles' ids.
    public init(inputs: Set<String> = [], ids: Set<String> = []) { self.inputs = inputs; self.ids = ids }
}

/// A sink that can say what it already stores. A ``Pipeline`` run with `resume: true` skips
/// the inputs that every sink already stores, so a run killed (even with `kill -9`) and started
/// again with the same outputs loses nothing and duplicates nothing.
public protocol ResumableSink: ArticleSink {
    /// The inputs and ids of every article stored so far (including by earlier runs).
    /// - Returns: the keys; empty for a sink that stores nothing yet.
    /// - Throws: ``SinkError`` when the stored articles cannot be read; a resumed run then
    ///   skips nothing.
    func storedKeys() throws(SinkError) -> StoredKeys
    /// Calls `body` with every stored article, oldest first, where the sink keeps whole
    /// articles (a resumed run shows them to its ``StoryTracker``). Returns whether it could.
    /// - Parameter body: called once per stored article, in storage order.
    /// - Returns: true when the sink keeps whole articles and gave them all; false (the
    ///   default) when it keeps no whole articles, `body` then never being called.
    /// - Throws: ``SinkError`` when the stored articles cannot be read.
    func forEachStoredArticle(_ body: (Article) -> Void) throws(SinkError) -> Bool
}

extension ResumableSink {
    public func forEachStoredArticle(_ body: (Article) -> Void) throws(SinkError) -> Bool { false }
}

/// Why a sink failed. Carries the sink's name, the article it concerns (if one) and the
/// underlying system or library error text.
public struct SinkError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure, as a value to compare with (`error.code == .closed`); new codes
    /// may be added without breaking callers.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }
        /// Writing, syncing or opening failed.
        public static let io = Code(rawValue: "io")
        /// The sink was closed.
        public static let closed = Code(rawValue: "closed")
        /// The article could not be encoded for the sink.
        public static let encoding = Code(rawValue: "encoding")
        /// A database error.
        public static let database = Code(rawValue: "database")
        /// Several sinks of a ``MultiplexSink`` failed; see ``SinkError/underlying``.
        public static let multiple = Code(rawValue: "multiple")
    }

    /// What kind of failure it is.
    public let code: Code
    /// The failing sink's ``ArticleSink/name`` (`jsonl:out.jsonl`, `sqlite:news.db`).
    public let sink: String
    /// The ``Article/id`` of the article concerned; nil for a failure of a flush, an open or a close.
    public let articleID: String?
    /// What went wrong, for people, with the system or library error text.
    public let message: String
    /// For ``Code/multiple``: each sink's own error.
    public let underlying: [SinkError]

    /// Makes a failure.
    /// - Parameters:
    ///   - code: what kind of failure.
    ///   - sink: the failing sink's name.
    ///   - articleID: the article concerned; nil when none.
    ///   - message: what went wrong.
    ///   - underlying: for ``Code/multiple``, each sink's own error; empty otherwise.
    public init(_ code: Code, sink: String, articleID: String? = nil, _ message: String, underlying: [SinkError] = []) {
        self.code = code
        self.sink = sink
        self.articleID = articleID
        self.message = message
        self.underlying = underlying
    }

    public var description: String {
        "\(sink): \(message)" + (articleID.map { " (article \($0))" } ?? "")
    }
}

/// Keeps every article in memory: for tests and for callers that post-process a run.
/// Guarantees: articles are kept in the order received; nothing is ever dropped.
public final class InMemorySink: ArticleSink, @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Article] = []
    private var isClosed = false
    public let name = "memory"

    /// Makes an empty sink.
    public init() {}

    /// The articles received so far.
    public var articles: [Article] { lock.withLock { stored } }

    public func receive(_ article: Article) throws(SinkError) {
        lock.lock(); defer { lock.unlock() }
        guard !isClosed else { throw SinkError(.closed, sink: name, articleID: article.id, "the sink is closed") }
        stored.append(article)
    }

    public func close() throws(SinkError) { lock.withLock { isClosed = true } }
}

/// Fans every article out to several sinks. A failing sink does not stop the others: every
/// sink gets every article, and the failures are thrown together afterwards (``SinkError/Code/multiple``
/// when more than one failed).
public final class MultiplexSink: ArticleSink, @unchecked Sendable {
    /// The sinks every article goes to, in this order.
    public let sinks: [any ArticleSink]
    public var name: String { sinks.map(\.name).joined(separator: "+") }

    /// Makes a sink fanning out to others.
    /// - Parameter sinks: the sinks, in the order each article reaches them; empty makes a sink
    ///   that drops everything.
    public init(_ sinks: [any ArticleSink]) { self.sinks = sinks }

    public func receive(_ article: Article) throws(SinkError) {
        try each { s throws(SinkError) in try s.receive(article) }
    }
    public func flush() throws(SinkError) {
        try each { s throws(SinkError) in try s.flush() }
    }
    public func close() throws(SinkError) {
        try each { s throws(SinkError) in try s.close() }
    }

    private func each(_ body: (any ArticleSink) throws(SinkError) -> Void) throws(SinkError) {
        var failures: [SinkError] = []
        for s in sinks {
            do { try body(s) } catch { failures.append(error) }
        }
        if failures.count == 1 { throw failures[0] }
        if failures.count > 1 {
            throw SinkError(.multiple, sink: name, articleID: failures.first?.articleID,
                            failures.map(\.description).joined(separator: "; "), underlying: failures)
        }
    }
}

extension ArticleSink where Self == InMemorySink {
    /// A sink that keeps articles in memory.
    /// - Returns: a new, empty ``InMemorySink``.
    public static func inMemory() -> InMemorySink { InMemorySink() }
}

extension ArticleSink where Self == MultiplexSink {
    /// A sink that fans out to several sinks.
    /// - Parameter sinks: the sinks, in the order each article reaches them.
    /// - Returns: a ``MultiplexSink`` over them.
    public static func multiplex(_ sinks: [any ArticleSink]) -> MultiplexSink { MultiplexSink(sinks) }
}

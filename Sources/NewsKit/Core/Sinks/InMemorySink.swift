import Foundation

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

extension ArticleSink where Self == InMemorySink {
    /// A sink that keeps articles in memory.
    /// - Returns: a new, empty ``InMemorySink``.
    public static func inMemory() -> InMemorySink { InMemorySink() }
}

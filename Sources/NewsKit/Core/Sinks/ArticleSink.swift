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

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

extension ArticleSink where Self == MultiplexSink {
    /// A sink that fans out to several sinks.
    /// - Parameter sinks: the sinks, in the order each article reaches them.
    /// - Returns: a ``MultiplexSink`` over them.
    public static func multiplex(_ sinks: [any ArticleSink]) -> MultiplexSink { MultiplexSink(sinks) }
}

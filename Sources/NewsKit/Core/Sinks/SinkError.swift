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

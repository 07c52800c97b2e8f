/// One input that produced no article, with why.
public struct PipelineFailure: Sendable, Hashable, CustomStringConvertible {
    /// The input's name: its path or URL (``PipelineInput/name``).
    public var input: String
    /// What kind of failure it is, for summaries and for code that handles some kinds itself.
    public var kind: PipelineFailureKind
    /// What went wrong, for people (`HTTP 404`, `no such file`, the adapter's reason).
    public var message: String
    /// Whether ``input`` is a URL (a fetched or archived page) rather than a file path.
    public var isURL: Bool
    /// `INPUT: MESSAGE`.
    public var description: String { "\(input): \(message)" }

    /// Makes a failure record.
    /// - Parameters:
    ///   - input: the input's path or URL.
    ///   - kind: the stage that failed and its code.
    ///   - message: what went wrong, for people.
    ///   - isURL: whether `input` is a URL.
    public init(input: String, kind: PipelineFailureKind, message: String, isURL: Bool) {
        self.input = input
        self.kind = kind
        self.message = message
        self.isURL = isURL
    }
}

/// Counts of a finished run.
public struct PipelineSummary: Sendable, Hashable {
    /// Inputs taken from the sequence, skipped ones included.
    public var inputs = 0
    /// Inputs that gave an article.
    public var extracted = 0
    /// Inputs that gave no article.
    public var failed = 0
    /// Inputs whose work the cancel stopped half-way (``PipelineEvent/cancelled(input:)``):
    /// neither articles nor failures.
    public var cancelled = 0
    /// Whether the run ended because its task was cancelled, before the inputs ran out.
    public var wasCancelled = false
    /// Inputs skipped because the sinks already store them (a resumed run).
    public var skipped = 0
    /// Articles per adapter id (``AdapterInfo/id``).
    public var byAdapter: [String: Int] = [:]
    /// Failures per ``PipelineFailure/kind`` (`.fetch(.httpStatus)`: 3).
    public var byFailure: [PipelineFailureKind: Int] = [:]
    /// What the sinks threw (receiving, flushing, listing stored articles), in order; a sink
    /// error does not stop the run. Empty when every sink did its job.
    public var sinkErrors: [String] = []
    /// How long the run took, wall-clock seconds.
    public var seconds: Double = 0
    /// Makes an empty summary (a run fills it in).
    public init() {}
    /// Inputs worked on (extracted or failed) per second of the run; 0 for a run that took no time.
    public var pagesPerSecond: Double { seconds > 0 ? Double(extracted + failed) / seconds : 0 }
}

/// What a run reports, in order: ``started(total:)`` once, then one event per input it worked
/// on (``extracted(_:)``, ``failed(_:)``, or ``cancelled(input:)`` for an input the cancel
/// stopped half-way), then ``finished(_:)`` once.
///
/// Inputs skipped because the sinks already store them (a resumed run) report nothing; inputs
/// a cancelled run never started report nothing either (``PipelineSummary/inputs`` counts only
/// the inputs taken).
public enum PipelineEvent: Sendable {
    /// The run began; `total` is how many inputs it has when that is known (a collection of
    /// inputs), nil for a sequence read as it goes (a WARC file, a crawl).
    case started(total: Int?)
    /// The input gave an article, enriched and, with a story tracker, linked to its story; the
    /// sinks have received it.
    case extracted(Article)
    /// The input gave no article, and why.
    case failed(PipelineFailure)
    /// The run was cancelled while this input was being worked on (a fetch in flight): it is
    /// neither an article nor a failure, and a resumed run takes it again.
    case cancelled(input: String)
    /// The run ended (all inputs done, or cancelled); the sinks are flushed, not closed.
    case finished(PipelineSummary)
}

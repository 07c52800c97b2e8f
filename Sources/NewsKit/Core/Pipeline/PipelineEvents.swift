import Foundation

/// A run's events as an `AsyncSequence` (``Pipeline/events(for:)``): `started`, one event per
/// input, `finished`, then the end. Made to be iterated once.
///
/// The run starts with the first `next()`, in a task of its own, and hands each event over only
/// when it is asked for, so at most one event waits between the run and its consumer. Cancelling
/// the task that iterates cancels the run, and the loop ends once the run has (the pages in
/// flight delivered to the sinks, the sinks flushed). Leaving the loop early (`break`) cancels
/// the run too, but it finishes in the background: cancel the iterating task instead when the
/// sinks are closed right after the loop.
public struct PipelineEvents: AsyncSequence, Sendable {
    public typealias Element = PipelineEvent
    typealias Body = @Sendable (_ send: @escaping @Sendable (PipelineEvent) async -> Void) async -> Void

    let body: Body

    init(_ body: @escaping Body) { self.body = body }

    /// Starts the run on the first ``AsyncIterator/next()``.
    /// - Returns: the iterator over the run's events.
    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(run: Run(body)) }

    /// Hands the run's events over one at a time.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let run: Run

        /// The next event, or nil after ``PipelineEvent/finished(_:)``; cancelling the calling
        /// task cancels the run and ends the sequence.
        /// - Returns: the event, or nil at the end.
        public mutating func next() async -> PipelineEvent? { await run.next() }
    }

    /// The task that runs the pipeline, and the hand-over between it and the consumer. Its
    /// deinit (the iterator dropped before the end) cancels the run.
    final class Run: @unchecked Sendable {
        private let handoff = EventHandoff()
        private let lock = NSLock()
        private var task: Task<Void, Never>?
        private let body: Body

        init(_ body: @escaping Body) { self.body = body }

        deinit {
            task?.cancel()
            handoff.close()
        }

        func next() async -> PipelineEvent? {
            lock.withLock {
                guard self.task == nil else { return }
                let handoff = self.handoff, body = self.body
                self.task = Task {
                    await body { event in await handoff.send(event) }
                    handoff.close()
                }
            }
            let task = lock.withLock { self.task }
            let event = await withTaskCancellationHandler {
                await handoff.receive()
            } onCancel: {
                task?.cancel()
                handoff.close()
            }
            // The end: wait for the run itself, so its last deliveries to the sinks and their
            // flush are done when the loop ends (after a cancel, the pages in flight finish first).
            if event == nil { await task?.value }
            return event
        }
    }
}

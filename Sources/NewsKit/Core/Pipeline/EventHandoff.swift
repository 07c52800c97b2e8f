import Foundation

/// A rendezvous between one producer and one consumer of ``PipelineEvent``s: `send` returns once
/// the consumer has the event (or the hand-over is closed), `receive` waits for the next one.
/// Closing wakes both sides: a waiting consumer gets nil, a waiting producer drops its event.
final class EventHandoff: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: (event: PipelineEvent, taken: CheckedContinuation<Void, Never>)?
    private var receiver: CheckedContinuation<PipelineEvent?, Never>?
    private var closed = false

    /// Hands `event` to the consumer; returns when it is taken or the hand-over is closed.
    func send(_ event: PipelineEvent) async {
        await withCheckedContinuation { (taken: CheckedContinuation<Void, Never>) in
            lock.lock()
            if closed {
                lock.unlock()
                taken.resume()
            } else if let receiver {
                self.receiver = nil
                lock.unlock()
                receiver.resume(returning: event)
                taken.resume()
            } else {
                pending = (event, taken)
                lock.unlock()
            }
        }
    }

    /// The next event, or nil once the hand-over is closed and nothing waits.
    func receive() async -> PipelineEvent? {
        await withCheckedContinuation { (next: CheckedContinuation<PipelineEvent?, Never>) in
            lock.lock()
            if let pending {
                self.pending = nil
                lock.unlock()
                next.resume(returning: pending.event)
                pending.taken.resume()
            } else if closed {
                lock.unlock()
                next.resume(returning: nil)
            } else {
                receiver = next
                lock.unlock()
            }
        }
    }

    /// Ends the hand-over: a waiting consumer gets nil, a waiting producer goes on.
    func close() {
        lock.lock()
        closed = true
        let receiver = self.receiver, pending = self.pending
        self.receiver = nil
        self.pending = nil
        lock.unlock()
        receiver?.resume(returning: nil)
        pending?.taken.resume()
    }
}

import Foundation

/// Ctrl-C during a run: the first SIGINT cancels the run, which stops taking inputs, lets the
/// pages in flight finish, flushes and closes its sinks and prints how far it got; the command
/// then exits 130, as a shell reports SIGINT. A second Ctrl-C, half a second or more after the
/// first, ends the process at once.
///
/// A worker started by ``ExtractSupervisor`` stops the same way: it gets the terminal's SIGINT
/// (one process group), and the supervisor forwards a SIGINT sent to it alone (`kill -INT`); the
/// two copies of one Ctrl-C arrive within the half second, so they count once. The supervisor
/// itself does not stop: it passes the worker's 130 on.
enum Interrupt {
    /// The exit status of an interrupted run.
    static let exitStatus: Int32 = 130

    /// Runs `body` in a task that the first SIGINT cancels.
    /// - Returns: what `body` returned, and whether a SIGINT came.
    static func cancelling<T: Sendable>(_ body: @escaping @Sendable () async -> T) async -> (value: T, interrupted: Bool) {
        let seen = Flag()
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        let task = Task { await body() }
        source.setEventHandler {
            if let first = seen.set(), Date().timeIntervalSince(first) >= 0.5 { _exit(exitStatus) }   // a second Ctrl-C
            task.cancel()
        }
        source.resume()
        let value = await task.value
        source.cancel()
        signal(SIGINT, SIG_DFL)
        return (value, seen.isSet)
    }

    /// From now on this process does not stop on SIGINT; it sends each one on to the process
    /// `target` names (0 for none at the moment).
    static func forward(to target: @escaping @Sendable () -> pid_t) {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            let pid = target()
            if pid > 0 { kill(pid, SIGINT) }
        }
        source.resume()
        forwarding = source
    }

    /// The forwarding source, kept alive for the life of the process (set once, by the main task).
    nonisolated(unsafe) private static var forwarding: DispatchSourceSignal?

    /// When the first SIGINT came, read from any thread.
    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var first: Date?
        /// Records a SIGINT. - Returns: when the first one came, nil if this is the first.
        func set() -> Date? { lock.withLock { defer { first = first ?? Date() }; return first } }
        var isSet: Bool { lock.withLock { first != nil } }
    }
}

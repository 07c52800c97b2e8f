import Foundation
internal import CProcess

/// Ctrl-C during a run: the first SIGINT cancels the run, which stops taking inputs, lets the
/// pages in flight finish, flushes and closes its sinks and prints how far it got; the command
/// then exits 130, as a shell reports SIGINT. A second Ctrl-C, half a second or more after the
/// first, ends the process at once.
///
/// A worker started by ``ExtractSupervisor`` stops the same way: it gets the terminal's SIGINT
/// (one process group), and the supervisor forwards a SIGINT sent to it alone (`kill -INT`); the
/// two copies of one Ctrl-C arrive within the half second, so they count once. The supervisor
/// itself does not stop: it passes the worker's 130 on.
///
/// The handler is plain C (`CProcess`): it only counts, and a thread here polls the count every
/// 20 ms, so a signal is seen whichever thread the kernel delivers it to.
enum Interrupt {
    /// The exit status of an interrupted run.
    static let exitStatus: Int32 = 130

    /// Runs `body` in a task that the first SIGINT cancels.
    /// - Returns: what `body` returned, and whether a SIGINT came.
    static func cancelling<T: Sendable>(_ body: @escaping @Sendable () async -> T) async -> (value: T, interrupted: Bool) {
        let task = Task { await body() }
        let watching = Watch()
        // The watch stays for the rest of the process: the sinks are closed after the run
        // returns, and a late copy of the same Ctrl-C (the supervisor forwards it) must not stop
        // the process while they are; a second Ctrl-C still does.
        onEachInterrupt {
            if let first = watching.record() {
                if Date().timeIntervalSince(first) >= 0.5 { _exit(exitStatus) }   // a second Ctrl-C
            } else {
                task.cancel()
            }
        }
        let value = await task.value
        return (value, watching.wasInterrupted)
    }

    /// From now on this process does not stop on SIGINT; it sends each one on to the process
    /// `target` names (0 for none at the moment).
    static func forward(to target: @escaping @Sendable () -> pid_t) {
        onEachInterrupt {
            let pid = target()
            if pid > 0 { kill(pid, SIGINT) }
        }
    }

    /// Counts SIGINTs from now on (the process no longer stops on them) and calls `action` on a
    /// thread of its own for each one that comes, polling the count every 20 ms.
    private static func onEachInterrupt(_ action: @escaping @Sendable () -> Void) {
        let before = nk_interrupts()
        nk_count_interrupts()
        Thread.detachNewThread {
            var seen = before
            while true {
                let now = nk_interrupts()
                if now > seen {
                    seen = now
                    action()
                }
                usleep(20_000)
            }
        }
    }

    /// When the first Ctrl-C came, kept by the watching thread for the run to read.
    final class Watch: @unchecked Sendable {
        private let lock = NSLock()
        private var first: Date?
        var wasInterrupted: Bool { lock.withLock { first != nil } }
        /// Records a Ctrl-C. - Returns: when the first one came; nil when this is the first.
        func record() -> Date? { lock.withLock { defer { first = first ?? Date() }; return first } }
    }

    /// How many SIGINTs this process has counted (for the supervisor, between its workers).
    static var count: Int { Int(nk_interrupts()) }
}

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
        let before = nk_interrupts()
        nk_count_interrupts()
        let task = Task { await body() }
        let watching = Watch()
        // The handler and this thread stay for the rest of the process: the sinks are closed
        // after the run returns, and a late copy of the same Ctrl-C (the supervisor forwards it)
        // must not stop the process while they are; a second Ctrl-C still does.
        Thread.detachNewThread {
            var first: Date?
            var seen = before
            while true {
                let now = nk_interrupts()
                if now > seen {
                    seen = now
                    if let first {
                        if Date().timeIntervalSince(first) >= 0.5 { _exit(exitStatus) }   // a second Ctrl-C
                    } else {
                        first = Date()
                        watching.interrupted()
                        task.cancel()
                    }
                }
                usleep(20_000)
            }
        }
        let value = await task.value
        return (value, watching.wasInterrupted)
    }

    /// From now on this process does not stop on SIGINT; it sends each one on to the process
    /// `target` names (0 for none at the moment).
    static func forward(to target: @escaping @Sendable () -> pid_t) {
        nk_count_interrupts()
        Thread.detachNewThread {
            var seen = nk_interrupts()
            while true {
                let now = nk_interrupts()
                if now > seen {
                    seen = now
                    let pid = target()
                    if pid > 0 { kill(pid, SIGINT) }
                }
                usleep(20_000)
            }
        }
    }

    /// Whether the watching thread saw a Ctrl-C, for the run to read.
    final class Watch: @unchecked Sendable {
        private let lock = NSLock()
        private var sawInterrupt = false
        var wasInterrupted: Bool { lock.withLock { sawInterrupt } }
        func interrupted() { lock.withLock { sawInterrupt = true } }
    }

    /// How many SIGINTs this process has counted (for the supervisor, between its workers).
    static var count: Int { Int(nk_interrupts()) }
}

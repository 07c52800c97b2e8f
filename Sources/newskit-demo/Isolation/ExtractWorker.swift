import Foundation
import NewsKit
internal import CProcess

/// The child side of crash isolation (``ExtractSupervisor``): an `extract` started by the
/// supervisor reads its inputs from a file, reports each input it has delivered (after its output
/// is written), and dies with its supervisor.
///
/// Environment, set by the supervisor only:
/// - `NEWSKIT_WORKER_STATUS`: the file the worker appends each delivered input's path to (NUL after each).
/// - `NEWSKIT_TEST_CRASH_ON`: tests only: a worker whose input path contains this text traps
///   (SIGILL, as a failed bounds check does) when it reaches that input, as a page that trips a bug would.
final class ExtractWorker: @unchecked Sendable {
    static let statusVariable = "NEWSKIT_WORKER_STATUS"
    static let crashVariable = "NEWSKIT_TEST_CRASH_ON"

    /// The worker of this process, if the supervisor started it.
    static let current: ExtractWorker? = ProcessInfo.processInfo.environment[statusVariable].flatMap { ExtractWorker(statusPath: $0) }

    private let status: Int32
    private let lock = NSLock()
    let crashOn: String?

    private init?(statusPath: String) {
        status = open(statusPath, O_WRONLY | O_APPEND | O_CREAT, 0o600)
        guard status >= 0 else { return nil }
        crashOn = ProcessInfo.processInfo.environment[ExtractWorker.crashVariable].flatMap { $0.isEmpty ? nil : $0 }
        ExtractWorker.dieWithParent()
    }

    /// Records that `input` was delivered (its output already written).
    func delivered(_ input: String) {
        let record = Array(input.utf8) + [0]
        lock.withLock { record.withUnsafeBytes { _ = write(status, $0.baseAddress, $0.count) } }
    }

    /// Crashes, as a bug would, when `path` is the one the tests named.
    func reach(_ path: String) {
        if let crashOn, path.contains(crashOn) { fatalError("\(ExtractWorker.crashVariable): crashing on \(path)") }   // a trap, as a failed bounds check
    }

    /// A worker must not outlive its supervisor (a `kill -9` of the run would leave it writing to
    /// the sinks): the kernel kills it on Linux; elsewhere a thread watches the parent.
    private static func dieWithParent() {
        let parent = getppid()
        if nk_die_with_parent() != 0 {
            Thread.detachNewThread {
                while getppid() == parent { usleep(20_000) }
                _exit(1)
            }
        }
        if getppid() != parent || getppid() == 1 { _exit(1) }   // the parent died before the call
    }

    /// The input paths the supervisor wrote (each ended by a NUL).
    static func inputs(from path: String) throws(InputError) -> [String] {
        let page = try Page.read(path: path, maximumBytes: 1 << 30)
        return page.bytes.split(separator: 0, omittingEmptySubsequences: true).map { String(decoding: $0, as: UTF8.self) }
    }
}

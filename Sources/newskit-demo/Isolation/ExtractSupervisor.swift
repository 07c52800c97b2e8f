import Foundation
import NewsKit

/// Crash isolation for `extract`: the pages are extracted by a worker process (this program
/// again, see ``ExtractWorker``), so a page that crashes the worker (a signal, as a bug in a
/// parser would cause) cannot take the run down with it. The supervisor finds the page that
/// crashed it (each in-flight page is tried alone), names it as a failure, and starts a new
/// worker on the pages after it. Output already written stays; with sinks the new worker resumes
/// (what the sinks store is skipped), so nothing already extracted is lost.
///
/// Only crash signals count as crashes; a worker stopped by SIGINT, SIGTERM or SIGKILL stops
/// the run with the same status a shell would give.
enum ExtractSupervisor {
    static let crashSignals: Set<Int32> = [SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV]

    /// The worker running now, for forwarding SIGINT (0 between workers).
    static let runningWorker = RunningWorker()

    /// A process id read and written from any thread.
    final class RunningWorker: @unchecked Sendable {
        private let lock = NSLock()
        private var value: pid_t = 0
        var pid: pid_t {
            get { lock.withLock { value } }
            set { lock.withLock { value = newValue } }
        }
    }

    struct Worker {
        var status: Int32
        var crashedBy: Int32?
    }

    /// Runs `extract` over `files` in workers; `options` are the command's options without paths.
    static func run(files: [String], options: [String], jobs: Int, writesFailureLines: Bool, usesSinks: Bool) -> Int32 {
        let scratch = NSTemporaryDirectory() + "newskit-extract-\(getpid())-\(UUID().uuidString)"
        guard (try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)) != nil else {
            warn("newskit-demo extract: cannot create \(scratch); extracting without crash isolation")
            return -1
        }
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        // Ctrl-C reaches the worker too (one process group), and a SIGINT sent to the supervisor
        // alone is forwarded: the worker stops, closes its sinks, says how far it got and exits
        // 130, which is passed on. The supervisor itself does not stop.
        Interrupt.forward(to: { runningWorker.pid })
        var remaining = files
        var delivered: Set<String> = []
        var crashed: [String] = []
        var status: Int32 = 0
        for attempt in 0... {
            let list = scratch + "/inputs-\(attempt)", statusPath = scratch + "/delivered-\(attempt)"
            _ = FileManager.default.createFile(atPath: list, contents: Data(remaining.flatMap { Array($0.utf8) + [0] }))
            let worker = spawn(["extract"] + options + ["--inputs-from", list], status: statusPath, quiet: false)
            guard let worker else { return -1 }
            // Interrupted (the worker said how far it got): no probes, no next worker.
            if Interrupt.count > 0 { return Interrupt.exitStatus }
            guard let signal = worker.crashedBy else { status = worker.status; break }
            delivered.formUnion(readDelivered(statusPath))
            guard let first = remaining.firstIndex(where: { !delivered.contains($0) }) else { break }
            // The pages in flight when the worker died: try each alone to find the one that crashes.
            let window = remaining[first..<min(remaining.count, first + 2 * jobs + 2)]
            let culprits = window.filter { Interrupt.count == 0 && probeCrashes($0, scratch: scratch) }
            if Interrupt.count > 0 { return Interrupt.exitStatus }
            let named = culprits.isEmpty ? [remaining[first]] : culprits
            for path in named {
                let message = "extracting it crashed the worker (signal \(signal))\(culprits.isEmpty ? ", though not when tried alone" : ""); skipped (--no-isolate shows the crash)"
                warn("newskit-demo extract: \(path): \(message)")
                if writesFailureLines { writeLine(JSONLiteral.object(["path": JSONLiteral.quote(path), "error": JSONLiteral.quote(message)])) }
            }
            crashed += named
            let skip = Set(named)
            // Without sinks, what was delivered is on stdout already; with sinks the worker resumes.
            remaining = (usesSinks ? remaining : Array(remaining[first...])).filter { !skip.contains($0) }
            if remaining.isEmpty { break }
        }
        if !crashed.isEmpty {
            warn("newskit-demo extract: \(crashed.count) page(s) crashed their worker and were skipped; the other pages were extracted")
            return max(status, 1)
        }
        return status
    }

    /// Runs this program with `arguments` as a worker; nil when it cannot be started.
    static func spawn(_ arguments: [String], status: String, quiet: Bool) -> Worker? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        if !FileManager.default.isExecutableFile(atPath: p.executableURL!.path) {
            p.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        }
        p.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment[ExtractWorker.statusVariable] = status
        // The runtime's backtracer would print pages of it and can end the worker with an exit
        // status instead of the signal; the supervisor names the page (--no-isolate shows a backtrace).
        environment["SWIFT_BACKTRACE"] = "enable=no"
        p.environment = environment
        if quiet {
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
        }
        do { try p.run() } catch {
            warn("newskit-demo extract: cannot start a worker (\(error)); extracting without crash isolation")
            return nil
        }
        if !quiet { runningWorker.pid = p.processIdentifier }
        p.waitUntilExit()
        if !quiet { runningWorker.pid = 0 }
        let code = p.terminationStatus
        if p.terminationReason == .uncaughtSignal {
            if crashSignals.contains(code) { return Worker(status: 1, crashedBy: code) }
            signal(code, SIG_DFL)
            raise(code)   // stopped from outside: stop the same way
            exit(128 + code)
        }
        return Worker(status: code, crashedBy: nil)
    }

    /// Whether extracting `path` alone crashes a worker.
    static func probeCrashes(_ path: String, scratch: String) -> Bool {
        let list = scratch + "/probe"
        _ = FileManager.default.createFile(atPath: list, contents: Data(Array(path.utf8) + [0]))
        return spawn(["extract", "--no-enrich", "--inputs-from", list], status: scratch + "/probe-status", quiet: true)?.crashedBy != nil
    }

    static func readDelivered(_ path: String) -> Set<String> {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return Set(data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) })
    }

    static func writeLine(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        bytes.withUnsafeBytes { _ = write(1, $0.baseAddress, $0.count) }
    }
}

import Foundation

/// Progress on stderr: a live line on a terminal, plain periodic lines otherwise.
final class Progress: @unchecked Sendable {
    let label: String
    let total: Int
    let started = Date()
    let interactive = isatty(2) != 0
    private let lock = NSLock()
    private var done = 0
    private var failed = 0
    private var lastPrint = Date.distantPast

    init(label: String, total: Int) {
        self.label = label
        self.total = total
    }

    func record(failed isFailure: Bool) {
        let line: String? = lock.withLock {
            done += 1
            if isFailure { failed += 1 }
            let now = Date()
            let every: Double = interactive ? 0.1 : 5
            guard now.timeIntervalSince(lastPrint) >= every || done == total else { return nil }
            lastPrint = now
            return status(now)
        }
        if let line {
            if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8)) } else { warn(line) }
        }
    }

    func status(_ now: Date) -> String {
        let elapsed = now.timeIntervalSince(started)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        var s = "\(label): \(done)\(total > 0 ? "/\(total)" : "") done, \(failed) failed, \(String(format: "%.1f", rate)) pages/s"
        if rate > 0 && total > done { s += ", ETA \(Int(Double(total - done) / rate))s" }
        return s
    }

    func finish() {
        if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

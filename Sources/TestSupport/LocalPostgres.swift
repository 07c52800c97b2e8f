import Foundation
import CProcess

/// A PostgreSQL server of its own for a test: `initdb` into a temporary folder and `pg_ctl` on a
/// free port of 127.0.0.1 (trust authentication, fsync off), stopped and removed by ``stop()``.
///
/// `initdb` refuses to run as root, and CI runs as root: there the server runs as the
/// `postgres` user Debian's package creates (through `runuser`), in a folder given to it.
public final class LocalPostgres: @unchecked Sendable {
    /// The folder of `initdb` and `pg_ctl` (`/usr/lib/postgresql/N/bin` on Debian), or nil.
    public static let binaries: String? = {
        let fm = FileManager.default
        let versions = ((try? fm.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []).sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }
        let candidates = versions.map { "/usr/lib/postgresql/\($0)/bin" } + ["/usr/local/bin", "/opt/homebrew/bin", "/usr/bin"]
        return candidates.first { fm.isExecutableFile(atPath: $0 + "/initdb") && fm.isExecutableFile(atPath: $0 + "/pg_ctl") }
    }()

    /// Whether a server can be started here (the binaries exist, and as root a `postgres` user).
    public static var isAvailable: Bool {
        guard binaries != nil else { return false }
        return getuid() != 0 || getpwnam("postgres") != nil
    }

    public let port: Int
    public let directory: String
    /// The superuser's connection URI, to the `postgres` database.
    public var uri: String { "postgresql://newskit@127.0.0.1:\(port)/postgres" }
    private var running = false

    /// Starts a server.
    /// - Throws: a description of the step that failed, with its output.
    public init() throws {
        guard let bin = Self.binaries else { throw Failure("no initdb/pg_ctl found (apt-get install postgresql)") }
        directory = NSTemporaryDirectory() + "newskit-pg-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        port = try Self.freePort()
        if getuid() == 0 {
            guard let pw = getpwnam("postgres") else { throw Failure("running as root and there is no postgres user to run the server as") }
            chown(directory, pw.pointee.pw_uid, pw.pointee.pw_gid)
        }
        try run(bin + "/initdb", ["-D", directory + "/data", "-U", "newskit", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"])
        try run(bin + "/pg_ctl", ["-D", directory + "/data", "-l", directory + "/server.log", "-w", "-t", "60",
                                  "-o", "-p \(port) -k \(directory) -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50", "start"])
        running = true
    }

    /// Stops the server and removes its folder; later calls do nothing.
    public func stop() {
        guard running, let bin = Self.binaries else { return }
        running = false
        try? run(bin + "/pg_ctl", ["-D", directory + "/data", "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(atPath: directory)
    }

    deinit { stop() }

    /// Runs a server program, as `postgres` when this process is root, and waits for it.
    ///
    /// Through fork, exec and `waitpid` (`CProcess`), with every descriptor above 2 closed in the child:
    /// the server `pg_ctl` starts outlives it, and would otherwise hold open whatever it
    /// inherited (Foundation's `Process` waits on a descriptor of its own, and other tests'
    /// pipes), so neither this wait nor theirs would end. Output goes to a file.
    private func run(_ program: String, _ arguments: [String]) throws {
        let argv = getuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--", program] + arguments : [program] + arguments
        let output = directory + "/\((program as NSString).lastPathComponent).out"
        let cArguments: [UnsafePointer<CChar>?] = argv.map { UnsafePointer(strdup($0)) } + [nil]
        defer { cArguments.forEach { free(UnsafeMutablePointer(mutating: $0)) } }
        let status = nk_run_closed(cArguments, directory, output)
        guard status >= 0 else { throw Failure("cannot start \(argv[0])") }
        let exited = (status & 0x7f) == 0, code = (status >> 8) & 0xff
        guard exited && code == 0 else {
            let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            throw Failure("\((program as NSString).lastPathComponent) failed (status \(status)): \(text.suffix(800))")
        }
    }

    /// A port of 127.0.0.1 nobody listens on now.
    public static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure("socket failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw Failure("no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Why the server could not start.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }
}

import Foundation
import NewsKit
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 server on 127.0.0.1 for tests and benchmarks: one thread per connection,
/// keep-alive, and the misbehaviours a fetcher must survive (delays, stalls, resets, gzip).
/// Not for production use.
public final class LocalHTTPServer: @unchecked Sendable {
    /// A request as the server read it.
    public struct Request: Sendable {
        public var method: String
        public var path: String
        public var headers: [HTTPHeader]
        /// When the request arrived.
        public var receivedAt = Date()
        public func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    /// What to do with a request.
    public enum Action: Sendable {
        case respond(Response)
        /// Close the connection at once with a TCP reset, sending nothing.
        case reset
        /// Send the status line and headers, then nothing for this many seconds (then close).
        case stall(seconds: Double)
    }

    /// A response.
    public struct Response: Sendable {
        public var status: Int
        public var headers: [HTTPHeader]
        public var body: [UInt8]
        /// Seconds to wait before answering.
        public var delay: Double
        /// Compress the body with gzip when the client accepts it.
        public var gzip: Bool

        public init(status: Int = 200, headers: [HTTPHeader] = [], body: [UInt8] = [], delay: Double = 0, gzip: Bool = false) {
            self.status = status
            self.headers = headers
            self.body = body
            self.delay = delay
            self.gzip = gzip
        }

        public static func html(_ text: String, status: Int = 200, headers: [HTTPHeader] = []) -> Response {
            Response(status: status, headers: [HTTPHeader(name: "Content-Type", value: "text/html; charset=utf-8")] + headers, body: Array(text.utf8))
        }
        public static func text(_ text: String, status: Int = 200, contentType: String = "text/plain; charset=utf-8") -> Response {
            Response(status: status, headers: [HTTPHeader(name: "Content-Type", value: contentType)], body: Array(text.utf8))
        }
    }

    public let port: Int
    private let listener: Int32
    private let handler: @Sendable (Request) -> Action
    private let lock = NSLock()
    private var log: [Request] = []
    private var active = 0
    private var maximumActive = 0
    /// The most requests the server was answering at once.
    public var peakConcurrency: Int { lock.withLock { maximumActive } }
    private var stopped = false
    /// Connections being served (shut by ``stop()``).
    private var clients: Set<Int32> = []

    private let keepsLog: Bool

    /// Starts listening on an ephemeral port of 127.0.0.1.
    /// - Parameter keepsLog: record requests for ``requests`` (off for long benchmarks).
    public init(keepsLog: Bool = true, handler: @escaping @Sendable (Request) -> Action) throws {
        self.handler = handler
        self.keepsLog = keepsLog
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard bound == 0, listen(fd, 256) == 0 else { close(fd); throw POSIXError(.EADDRINUSE) }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        port = Int(UInt16(bigEndian: addr.sin_port))
        listener = fd
        let t = Thread { [self] in self.acceptLoop() }
        t.name = "LocalHTTPServer.accept"
        t.start()
    }

    deinit { stop() }

    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    public func url(_ path: String) -> URL { URL(string: "http://127.0.0.1:\(port)\(path)")! }

    /// The requests served so far, in arrival order.
    public var requests: [Request] { lock.withLock { log } }

    /// How many requests asked for this path.
    public func count(_ path: String) -> Int { requests.filter { $0.path == path }.count }

    /// Stops listening and shuts every open connection, so a client's kept-alive connection
    /// cannot reach this server's handler after a new server took the same port.
    ///
    /// Descriptors are only shut here, under the lock, never closed: the accept loop closes the
    /// listener when it ends and each connection's thread closes its own socket after leaving
    /// ``clients``. Closing them here would let the number be reused by another server's socket
    /// in the same process before this server's threads stop using it, and one test's server
    /// would then reset another test's connection.
    public func stop() {
        lock.withLock {
            guard !stopped else { return }
            stopped = true
            shutdown(listener, Int32(SHUT_RDWR))
            for fd in clients { shutdown(fd, Int32(SHUT_RDWR)) }
        }
    }

    private func acceptLoop() {
        defer { close(listener) }
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if lock.withLock({ stopped }) { return }
                if errno == EINTR { continue }
                return
            }
            var one: Int32 = 1
            setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            let accepted = lock.withLock { () -> Bool in
                guard !stopped else { return false }
                clients.insert(client)
                return true
            }
            guard accepted else { close(client); return }
            let t = Thread { [self] in self.serve(client) }
            t.stackSize = 256 * 1024
            t.start()
        }
    }

    private func serve(_ fd: Int32) {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        defer {
            lock.withLock { _ = clients.remove(fd) }
            close(fd)
        }
        while true {
            // Read one request head.
            var headEnd: Int? = nil
            while headEnd == nil {
                if let r = LocalHTTPServer.find([13, 10, 13, 10], in: buffer) { headEnd = r; break }
                let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if n <= 0 { return }
                buffer.append(contentsOf: chunk[0..<n])
            }
            let head = String(decoding: buffer[0..<headEnd!], as: UTF8.self)
            buffer.removeFirst(headEnd! + 4)
            var lines = head.components(separatedBy: "\r\n")
            let requestLine = lines.removeFirst().split(separator: " ")
            guard requestLine.count >= 2 else { return }
            var headers: [HTTPHeader] = []
            for l in lines {
                if let c = l.firstIndex(of: ":") {
                    headers.append(HTTPHeader(name: String(l[..<c]), value: l[l.index(after: c)...].trimmingCharacters(in: .whitespaces)))
                }
            }
            let request = Request(method: String(requestLine[0]), path: String(requestLine[1]), headers: headers)
            if lock.withLock({ stopped }) { return }
            lock.withLock {
                if keepsLog { log.append(request) }
                active += 1
                maximumActive = max(maximumActive, active)
            }
            defer { lock.withLock { active -= 1 } }
            switch handler(request) {
            case .reset:
                var linger = linger(l_onoff: 1, l_linger: 0)
                setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<linger>.size))
                return
            case .stall(let seconds):
                send(fd, Array("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000000\r\n\r\n<html>".utf8))
                Thread.sleep(forTimeInterval: seconds)
                return
            case .respond(var response):
                if response.delay > 0 { Thread.sleep(forTimeInterval: response.delay) }
                var extra: [HTTPHeader] = []
                if response.gzip, (request.header("Accept-Encoding") ?? "").contains("gzip") {
                    response.body = Gzip.compress(response.body)
                    extra.append(HTTPHeader(name: "Content-Encoding", value: "gzip"))
                }
                var out = "HTTP/1.1 \(response.status) \(HTTPStatus.reasonPhrase(response.status))\r\n"
                for h in response.headers + extra { out += "\(h.name): \(h.value)\r\n" }
                out += "Content-Length: \(response.body.count)\r\n"
                if request.header("Connection")?.lowercased() == "close" { out += "Connection: close\r\n" }
                out += "\r\n"
                guard send(fd, Array(out.utf8) + (request.method == "HEAD" ? [] : response.body)) else { return }
                if request.header("Connection")?.lowercased() == "close" { return }
            }
        }
    }

    @discardableResult
    private func send(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }

    static func find(_ needle: [UInt8], in hay: [UInt8]) -> Int? {
        guard hay.count >= needle.count else { return nil }
        for i in 0...(hay.count - needle.count) where hay[i] == needle[0] && Array(hay[i..<(i + needle.count)]) == needle { return i }
        return nil
    }

}

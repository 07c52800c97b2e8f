import Foundation
import NewsKitCore
import NewsKitHTML

/// Writes every fetched response to a WARC 1.1 file, so nothing fetched is ever lost and a run
/// can be replayed without the network (``WARCReader``). A path ending in `.gz` gets one gzip
/// member per record, as crawl archives do.
///
/// Guarantees: a `warcinfo` record opens a new file; each `response` record is written with one
/// `write(2)`; the body is stored as NewsKit received it (decoded), so the HTTP headers are
/// rewritten to match: `Content-Encoding` becomes `X-NewsKit-Original-Content-Encoding`,
/// `Transfer-Encoding` is dropped and `Content-Length` is the stored length. The URL asked for
/// is kept in `NewsKit-Requested-URI` when a redirect changed it.
public final class WARCWriter: ResponseArchive, @unchecked Sendable {
    /// The WARC file's path, as given; ending in `.gz` means gzip-compressed records.
    public let path: String
    private let gzip: Bool
    private let lock = NSLock()
    private var fd: Int32
    /// Records written (warcinfo included).
    public private(set) var records = 0

    /// Opens (appends to) a WARC file, writing a `warcinfo` record when the file is new.
    /// - Parameter path: the file to write, created when missing; a `.gz` suffix compresses
    ///   each record as its own gzip member.
    /// - Throws: ``FetchError`` `transport` naming the path when it cannot be opened.
    public init(path: String) throws(FetchError) {
        self.path = path
        gzip = path.hasSuffix(".gz")
        let exists = FileManager.default.fileExists(atPath: path)
        fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        guard fd >= 0 else { throw FetchError(.transport, url: path, curlMessage: "cannot open the WARC file: \(String(cString: strerror(errno)))") }
        if !exists || (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) == 0 {
            let info = "software: NewsKit\r\nformat: WARC File Format 1.1\r\nconformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n"
            try write(type: "warcinfo", headers: [("Content-Type", "application/warc-fields")], block: Array(info.utf8), date: Date())
        }
    }

    deinit { close() }

    /// Flushes the file to disk (`fsync`) and closes it. Closing twice is harmless; records
    /// archived afterwards fail with a `transport` error. Called on release too.
    public func close() {
        lock.withLock {
            if fd >= 0 { _ = fsync(fd); _ = Foundation.close(fd); fd = -1 }
        }
    }

    public func archive(_ page: Page) throws {
        guard let url = page.finalURL ?? page.requestedURL else { return }
        var http = "HTTP/1.1 \(page.httpStatus ?? 200) \(HTTPStatus.reasonPhrase(page.httpStatus ?? 200))\r\n"
        for h in page.headers {
            switch h.name.lowercased() {
            case "transfer-encoding", "content-length": continue
            case "content-encoding": http += "X-NewsKit-Original-Content-Encoding: \(h.value)\r\n"
            default: http += "\(h.name): \(h.value)\r\n"
            }
        }
        http += "Content-Length: \(page.bytes.count)\r\n\r\n"
        let block = Array(http.utf8) + page.bytes
        var headers: [(String, String)] = [
            ("WARC-Target-URI", url.absoluteString),
            ("Content-Type", "application/http;msgtype=response"),
            ("WARC-Payload-Digest", "sha1:" + Base32.encode(SHA1.digest(page.bytes))),
            ("WARC-Block-Digest", "sha1:" + Base32.encode(SHA1.digest(block))),
        ]
        if let requested = page.requestedURL, requested != url { headers.append(("NewsKit-Requested-URI", requested.absoluteString)) }
        try write(type: "response", headers: headers, block: block, date: page.fetchedAt ?? Date())
    }

    private func write(type: String, headers: [(String, String)], block: [UInt8], date: Date) throws(FetchError) {
        var head = "WARC/1.1\r\nWARC-Type: \(type)\r\nWARC-Record-ID: <urn:uuid:\(UUID().uuidString.lowercased())>\r\n"
        head += "WARC-Date: \(Instant(date: date, utcOffset: 0).iso8601)\r\n"
        for (k, v) in headers { head += "\(k): \(v)\r\n" }
        head += "Content-Length: \(block.count)\r\n\r\n"
        var record = Array(head.utf8) + block + [13, 10, 13, 10]
        if gzip { record = Gzip.compress(record) }
        var failure: Int32 = 0
        lock.withLock {
            guard fd >= 0 else { failure = EBADF; return }
            record.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                    if n < 0 { if errno == EINTR { continue }; failure = errno; return }
                    offset += n
                }
            }
            if failure == 0 { records += 1 }
        }
        if failure != 0 {
            throw FetchError(.transport, url: path, curlMessage: "cannot write the WARC record: \(String(cString: strerror(failure)))")
        }
    }
}

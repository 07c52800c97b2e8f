import Foundation

/// Writes one article per line of JSON (the documented article JSON, `docs/article-fields.md`).
///
/// Guarantees: the file is only appended to; each article's line is written with a single
/// `write(2)` of the whole line, so a crash leaves the file valid up to the last complete
/// article (a torn final line, if the OS tore one, is cut off when the file is opened again);
/// ``flush()`` calls `fsync(2)`. An article whose id the file already holds (from an earlier,
/// interrupted run) is not written again. Writing to standard output makes the same guarantees
/// except syncing and deduplication.
public final class JSONLinesSink: ArticleSink, ResumableSink, @unchecked Sendable {
    private let lock = NSLock()
    private var fd: Int32
    private let ownsDescriptor: Bool
    private var pending: [UInt8] = []
    private var isClosed = false
    public let name: String
    /// Articles written so far.
    public private(set) var count = 0
    private let path: String?
    /// Ids already in the file, read lazily on the first article or ``storedKeys()``.
    private var existing: StoredKeys?

    /// Appends to the file at `path`, creating it (and cutting off a torn last line left by a crash).
    /// - Parameter path: the file; the ids of the articles it already holds are not written again.
    /// - Throws: ``SinkError`` `io` when the file cannot be opened or its torn line cut off.
    public init(path: String) throws(SinkError) {
        name = "jsonl:\(path)"
        try JSONLinesSink.repairTornTail(path: path, sinkName: name)
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        guard fd >= 0 else { throw SinkError(.io, sink: "jsonl:\(path)", "cannot open: \(String(cString: strerror(errno)))") }
        self.fd = fd
        ownsDescriptor = true
        self.path = path
    }

    /// Writes to an open descriptor (standard output: 1). The descriptor is not closed.
    /// - Parameters:
    ///   - fileDescriptor: an open, writable descriptor; it is neither synced nor read back.
    ///   - name: what to call it in messages (the sink's name is `jsonl:<name>`).
    public init(fileDescriptor: Int32, name: String = "stdout") {
        self.fd = fileDescriptor
        self.name = "jsonl:\(name)"
        ownsDescriptor = false
        path = nil
        existing = StoredKeys()
    }

    public func receive(_ article: Article) throws(SinkError) {
        var line = article.jsonBytes
        line.append(0x0A)
        lock.lock(); defer { lock.unlock() }
        guard !isClosed else { throw SinkError(.closed, sink: name, articleID: article.id, "the sink is closed") }
        if existing == nil { existing = try readKeys() }
        guard !existing!.ids.contains(article.id) else { return }
        existing!.ids.insert(article.id)
        // Batch small lines; one write per line when the batch is flushed keeps lines whole.
        pending.append(contentsOf: line)
        count += 1
        if pending.count >= 1 << 16 { try writePending(articleID: article.id) }
    }

    public func flush() throws(SinkError) {
        lock.lock(); defer { lock.unlock() }
        guard !isClosed else { return }
        try writePending(articleID: nil)
        if ownsDescriptor && fsync(fd) != 0 {
            throw SinkError(.io, sink: name, "fsync failed: \(String(cString: strerror(errno)))")
        }
    }

    public func close() throws(SinkError) {
        lock.lock(); defer { lock.unlock() }
        guard !isClosed else { return }
        defer {
            isClosed = true
            if ownsDescriptor { _ = Foundation.close(fd) }
        }
        try writePending(articleID: nil)
        if ownsDescriptor && fsync(fd) != 0 {
            throw SinkError(.io, sink: name, "fsync failed: \(String(cString: strerror(errno)))")
        }
    }

    public func storedKeys() throws(SinkError) -> StoredKeys {
        lock.lock(); defer { lock.unlock() }
        if existing == nil { existing = try readKeys() }
        return existing!
    }

    public func forEachStoredArticle(_ body: (Article) -> Void) throws(SinkError) -> Bool {
        guard let path else { return false }
        let decoder = JSONDecoder()
        Self.forEachLine(path: path) { line in if let a = try? decoder.decode(Article.self, from: Data(line)) { body(a) } }
        return true
    }

    /// Calls `body` with each complete line of a file (without its newline), reading 1 MB at a time.
    static func forEachLine(path: String, _ body: (ArraySlice<UInt8>) -> Void) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        var carry: [UInt8] = []
        while true {
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            carry.append(contentsOf: chunk)
            var start = 0
            while let nl = carry[start...].firstIndex(of: 0x0A) {
                body(carry[start..<nl])
                start = nl + 1
            }
            carry.removeFirst(start)
        }
    }

    /// The id, file and URLs of every complete line already in the file.
    private func readKeys() throws(SinkError) -> StoredKeys {
        var keys = StoredKeys()
        guard let path else { return keys }
        struct Keys: Decodable { var id: String; var file: String?; var url: String?; var canonicalURL: String? }
        let decoder = JSONDecoder()
        Self.forEachLine(path: path) { line in
            guard let k = try? decoder.decode(Keys.self, from: Data(line)) else { return }
            keys.ids.insert(k.id)
            for v in [k.file, k.url, k.canonicalURL] { if let v { keys.inputs.insert(v) } }
        }
        return keys
    }

    /// Writes the buffered lines; called with the lock held.
    private func writePending(articleID: String?) throws(SinkError) {
        guard !pending.isEmpty else { return }
        defer { pending.removeAll(keepingCapacity: true) }
        let failure = Self.writeAll(fd, pending)
        if failure != 0 {
            throw SinkError(.io, sink: name, articleID: articleID, "write failed: \(String(cString: strerror(failure)))")
        }
    }

    /// Writes all of `bytes` to `fd`, resuming after partial writes and interruptions.
    /// - Returns: 0, or the `errno` of the write that failed.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32 {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; return errno }
                offset += n
            }
            return 0
        }
    }

    /// Cuts a file back to its last newline, so that appending starts on a fresh line.
    static func repairTornTail(path: String, sinkName: String) throws(SinkError) {
        let fd = open(path, O_RDWR)
        guard fd >= 0 else { return }   // no file yet
        defer { _ = Foundation.close(fd) }
        let size = lseek(fd, 0, SEEK_END)
        guard size > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        var end = size
        while end > 0 {
            let start = max(0, end - off_t(buffer.count))
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, Int(end - start), start) }
            guard n > 0 else { return }
            if let nl = buffer[0..<n].lastIndex(of: 0x0A) {
                let keep = start + off_t(nl) + 1
                if keep != size && ftruncate(fd, keep) != 0 {
                    throw SinkError(.io, sink: sinkName, "cannot cut off a torn last line: \(String(cString: strerror(errno)))")
                }
                return
            }
            end = start
        }
        if ftruncate(fd, 0) != 0 { throw SinkError(.io, sink: sinkName, "cannot cut off a torn line") }
    }
}

extension ArticleSink where Self == JSONLinesSink {
    /// A JSON Lines file, appended to.
    /// - Parameter path: the file, created when missing.
    /// - Returns: a ``JSONLinesSink`` appending to it.
    /// - Throws: ``SinkError`` `io`, as ``JSONLinesSink/init(path:)`` throws.
    public static func jsonLines(path: String) throws(SinkError) -> JSONLinesSink { try JSONLinesSink(path: path) }
}

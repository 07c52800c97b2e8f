import Foundation
import NewsKitCore
import NewsKitHTML

/// Reads WARC 1.0 and 1.1 files (plain, or gzip per record) as a source of ``Page``s:
/// each `response` record of an http(s) URL becomes a page with its status, headers, body and
/// fetch time. Chunked bodies are reassembled and gzip/deflate bodies decoded. Common Crawl's
/// news crawl files read this way.
///
/// ```swift
/// let reader = try WARCReader(path: "CC-NEWS-20250813.warc.gz")
/// while let result = reader.next() {
///     if case .success(let page) = result { … }
/// }
/// ```
public final class WARCReader {
    /// The WARC file's path, as given.
    public let path: String
    private let stream: ByteStream
    /// Records read so far (all types).
    public private(set) var recordsRead = 0
    /// Response records ``inputs(onFailure:)`` passed over because they hold no document NewsKit
    /// reads (``Page/isDocumentResponse`` is false: robots.txt, feeds and sitemaps, images,
    /// scripts, style sheets …). Read it once the stream has ended: the stream updates it as it
    /// reads. ``next()`` and ``pages()`` skip no response and leave it alone.
    public private(set) var responsesSkipped = 0
    /// The same records counted by what they held: their ``Page/mediaType`` (`"image/jpeg"`),
    /// `"robots.txt"` for robots files. Like ``responsesSkipped``, read it once the stream has ended.
    public private(set) var skippedMediaTypes: [String: Int] = [:]

    /// Opens a WARC file for reading, plain or gzip-compressed (recognized by its bytes, not its name).
    /// - Parameter path: the file to read.
    /// - Throws: ``FetchError`` `transport` naming the path when it cannot be opened.
    public init(path: String) throws(FetchError) {
        self.path = path
        stream = try ByteStream(path: path)
    }

    /// The next response record as a page (or an error naming the record), nil at the end.
    ///
    /// A record cut short (the file ends inside it, a chunked body without its last chunk, a
    /// body shorter than its `Content-Length`, `WARC-Truncated`) is a `truncated` failure, not a
    /// page. A file that is not WARC, or that holds something else between records, gives one
    /// `notAnArchive` failure naming the path, and reading stops there.
    /// - Returns: the next http(s) `response` record as a page or as the failure reading it;
    ///   other records (`warcinfo`, `request`, `metadata` …) are skipped; nil at the end of the file.
    public func next() -> Result<Page, FetchError>? {
        while true {
            guard let result = nextRecord() else { return nil }
            switch result {
            case .failure(let error): return .failure(error)
            case .success(let record):
                guard record.type == "response", let uri = record.header("WARC-Target-URI"),
                      uri.hasPrefix("http://") || uri.hasPrefix("https://") else { continue }
                return WARCReader.page(from: record, warcPath: path)
            }
        }
    }

    /// The file's response pages that hold a document NewsKit reads (``Page/isDocumentResponse``:
    /// HTML, plain-text captures, Markdown) as pipeline inputs, read one record at a time as
    /// they are asked for. The other responses (robots.txt, feeds, images, scripts …) are
    /// skipped and counted in ``responsesSkipped`` and ``skippedMediaTypes``.
    ///
    /// ```swift
    /// let reader = try WARCReader(path: "run.warc.gz")
    /// let summary = await pipeline.run(reader.inputs())
    /// print("\(summary.extracted) article(s); \(reader.responsesSkipped) response(s) were not pages")
    /// ```
    /// - Parameter onFailure: called for a record that cannot be read.
    /// - Returns: a stream of ``PipelineInput/page(_:)`` inputs that ends at the end of the file;
    ///   it reads from this reader, so use one or the other, not both.
    public func inputs(onFailure: @escaping @Sendable (FetchError) -> Void = { _ in }) -> AsyncStream<PipelineInput> {
        let box = ReaderBox(self)
        return AsyncStream(unfolding: {
            while let record = box.reader.next() {
                switch record {
                case .success(let page):
                    if page.isDocumentResponse { return .page(page) }
                    box.reader.skip(page)
                case .failure(let error): onFailure(error)
                }
            }
            return nil
        })
    }

    /// Counts a response ``inputs(onFailure:)`` does not hand on.
    private func skip(_ page: Page) {
        responsesSkipped += 1
        skippedMediaTypes[page.url?.path == "/robots.txt" ? "robots.txt" : page.mediaType ?? "", default: 0] += 1
    }

    /// Every response page of the file (read lazily is better for big files: use ``next()``).
    /// - Returns: what ``next()`` gives until the end of the file, in file order; empty for a
    ///   file without response records.
    public func pages() -> [Result<Page, FetchError>] {
        var out: [Result<Page, FetchError>] = []
        while let r = next() { out.append(r) }
        return out
    }

    struct Record {
        var headers: [(String, String)]
        var block: [UInt8]
        var type: String { header("WARC-Type") ?? "" }
        func header(_ name: String) -> String? {
            let l = name.lowercased()
            return headers.first { $0.0.lowercased() == l }?.1
        }
    }

    /// The longest WARC header line read; a longer one means the file is not WARC.
    static let maximumLineBytes = 64 * 1024
    /// The most header lines in one record.
    static let maximumHeaderLines = 1000
    /// The largest record block kept in memory; larger records are skipped and reported.
    public static let maximumRecordBytes = 256 << 20
    private var finished = false

    /// The next record, a failure naming what is wrong with it, or nil at the end of the file.
    func nextRecord() -> Result<Record, FetchError>? {
        guard !finished else { return nil }
        // Blank lines separate records; anything else before "WARC/1.x" is not WARC.
        var line = stream.readLine(limit: WARCReader.maximumLineBytes)
        while let l = line, l.isEmpty { line = stream.readLine(limit: WARCReader.maximumLineBytes) }
        guard let first = line else {
            finished = true
            if let failure = stream.failure {
                return .failure(FetchError(.notAnArchive, url: path, curlMessage: "\(failure) after record \(recordsRead)"))
            }
            return nil
        }
        guard first.starts(with: Array("WARC/".utf8)) else {
            finished = true
            let where_ = recordsRead == 0 ? "it does not start with a WARC/1.x record header" : "unexpected bytes after record \(recordsRead); the rest is not read"
            return .failure(FetchError(.notAnArchive, url: path, curlMessage: "not a WARC file: \(where_)"))
        }
        var headers: [(String, String)] = []
        var ended = false
        while let l = stream.readLine(limit: WARCReader.maximumLineBytes) {
            if l.isEmpty { ended = true; break }
            guard headers.count < WARCReader.maximumHeaderLines else { break }
            let s = String(decoding: l, as: UTF8.self)
            if let c = s.firstIndex(of: ":") {
                headers.append((String(s[..<c]), s[s.index(after: c)...].trimmingCharacters(in: .whitespaces)))
            }
        }
        recordsRead += 1
        let record = Record(headers: headers, block: [])
        let name = record.header("WARC-Target-URI") ?? path
        guard ended else {
            finished = true
            return .failure(FetchError(.truncated, url: name, curlMessage: "WARC record \(recordsRead) in \(path) is truncated: its header block does not end"))
        }
        guard let lengthText = record.header("Content-Length"), let length = Int(lengthText), length >= 0 else {
            finished = true   // without a length the next record cannot be found
            return .failure(FetchError(.notAnArchive, url: name, curlMessage: "WARC record \(recordsRead) in \(path) has no valid Content-Length"))
        }
        if length > WARCReader.maximumRecordBytes {
            let skipped = stream.skip(length)
            if skipped < length { finished = true }
            return .failure(FetchError(.tooLarge, url: name, curlMessage: "WARC record \(recordsRead) in \(path) holds \(length) bytes, over the limit of \(WARCReader.maximumRecordBytes)"))
        }
        let block = stream.read(length)
        guard block.count == length else {
            finished = true
            let cause = stream.failure.map { " (\($0))" } ?? ""
            return .failure(FetchError(.truncated, url: name, curlMessage: "WARC record \(recordsRead) in \(path) is truncated: \(block.count) of \(length) bytes\(cause)"))
        }
        return .success(Record(headers: headers, block: block))
    }

    static func page(from record: Record, warcPath: String) -> Result<Page, FetchError> {
        let uri = record.header("WARC-Target-URI") ?? ""
        let b = record.block
        guard let headEnd = ByteSearch.find([13, 10, 13, 10], in: b) else {
            return .failure(FetchError(.transport, url: uri, curlMessage: "WARC record in \(warcPath) has no HTTP header block"))
        }
        let lines = String(decoding: b[0..<headEnd], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines.first?.split(separator: " ") ?? []
        let status = statusParts.count >= 2 ? Int(statusParts[1]) : nil
        var headers: [HTTPHeader] = []
        for l in lines.dropFirst() {
            if let c = l.firstIndex(of: ":") {
                headers.append(HTTPHeader(name: String(l[..<c]), value: l[l.index(after: c)...].trimmingCharacters(in: .whitespaces)))
            }
        }
        var body = Array(b[(headEnd + 4)...])
        func header(_ n: String) -> String? { headers.first { $0.name.lowercased() == n }?.value.lowercased() }
        if let cut = record.header("WARC-Truncated") {
            return .failure(FetchError(.truncated, url: uri, curlMessage: "the response was archived truncated (WARC-Truncated: \(cut)) in \(warcPath)"))
        }
        if header("transfer-encoding")?.contains("chunked") == true {
            guard let whole = dechunk(body) else {
                return .failure(FetchError(.truncated, url: uri, curlMessage: "the chunked body in \(warcPath) is truncated: it ends before its last chunk"))
            }
            body = whole
        } else if let declared = header("content-length").flatMap({ Int($0) }), declared > body.count {
            return .failure(FetchError(.truncated, url: uri, curlMessage: "the body in \(warcPath) is truncated: \(body.count) of \(declared) bytes"))
        }
        if let enc = header("content-encoding") {
            if enc.contains("gzip") || enc.contains("deflate") {
                guard let decoded = Gzip.decompress(body) else {
                    return .failure(FetchError(.transport, url: uri, curlMessage: "corrupt \(enc) body in \(warcPath)"))
                }
                body = decoded
            } else if enc != "identity" {
                return .failure(FetchError(.transport, url: uri, curlMessage: "unsupported Content-Encoding \(enc) in \(warcPath)"))
            }
        }
        let date = record.header("WARC-Date").flatMap { Instant(iso8601: $0) }?.date
        let requested = record.header("NewsKit-Requested-URI").flatMap(URL.init(string:)) ?? URL(string: uri)
        return .success(Page(bytes: body, requestedURL: requested, finalURL: URL(string: uri), httpStatus: status,
                             headers: headers, fetchedAt: date))
    }

    /// The body of a chunked transfer, or nil when it ends before the last (zero-size) chunk.
    static func dechunk(_ b: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        var i = 0
        while i < b.count {
            guard let eol = ByteSearch.find([13, 10], in: b, from: i) else { return nil }
            let sizeText = String(decoding: b[i..<eol], as: UTF8.self).split(separator: ";").first.map(String.init) ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size >= 0 else { return nil }
            if size == 0 { return out }
            let start = eol + 2
            guard start <= b.count, size <= b.count - start else { return nil }
            out.append(contentsOf: b[start..<(start + size)])
            i = start + size + 2
        }
        return nil
    }
}

/// The reader is used by one consumer at a time (the stream's unfolding closure).
private final class ReaderBox: @unchecked Sendable {
    let reader: WARCReader
    init(_ reader: WARCReader) { self.reader = reader }
}

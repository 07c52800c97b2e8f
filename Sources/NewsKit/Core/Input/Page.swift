import Foundation
import NewsKitHTML

/// Raw bytes of a page plus where they came from. Nothing is decoded yet: see ``Document``.
///
/// Pages come from files (``Page/read(path:maximumBytes:)``), from fetchers and from WARC
/// records. A page carries its own fetch time, so that extraction never reads the clock.
///
/// ```swift
/// let page = try Page.read(path: "Examples/seeds/000_902ba53e243bc19e.txt")
/// let document = try Document(page: page)
/// ```
public struct Page: Sendable, Hashable {
    /// The bytes as received or read.
    public var bytes: [UInt8]
    /// The URL that was asked for.
    public var requestedURL: URL?
    /// The URL after redirects (equal to ``requestedURL`` when there were none).
    public var finalURL: URL?
    /// The local file the bytes were read from.
    public var filePath: String?
    /// The HTTP status, when the page was fetched.
    public var httpStatus: Int?
    /// HTTP response headers in order, names as received.
    public var headers: [HTTPHeader]
    /// When the page was fetched or the file last modified.
    public var fetchedAt: Date?

    /// Makes a page from bytes you already have (a fetch of your own, a test).
    /// - Parameters:
    ///   - bytes: the body, not decoded.
    ///   - requestedURL: the URL asked for; nil for a page that was not fetched.
    ///   - finalURL: the URL after redirects; nil means ``requestedURL``.
    ///   - filePath: the local file the bytes came from; nil when none.
    ///   - httpStatus: the HTTP status; nil when the page was not fetched.
    ///   - headers: the response headers in order.
    ///   - fetchedAt: when the page was fetched (or its file last modified); nil when unknown.
    public init(bytes: [UInt8], requestedURL: URL? = nil, finalURL: URL? = nil, filePath: String? = nil,
                httpStatus: Int? = nil, headers: [HTTPHeader] = [], fetchedAt: Date? = nil) {
        self.bytes = bytes
        self.requestedURL = requestedURL
        self.finalURL = finalURL ?? requestedURL
        self.filePath = filePath
        self.httpStatus = httpStatus
        self.headers = headers
        self.fetchedAt = fetchedAt
    }

    /// The best URL for the page: the final URL, else the requested one.
    public var url: URL? { finalURL ?? requestedURL }

    /// A name for messages: the URL, else the file path, else "<memory>".
    public var name: String { url?.absoluteString ?? filePath ?? "<memory>" }

    /// Whether a fetched response is an HTML page (by `Content-Type`, or by path when it has none),
    /// not robots.txt, a feed or an image.
    public var isHTMLResponse: Bool {
        if url?.path == "/robots.txt" { return false }
        guard let type = header("Content-Type")?.lowercased() else { return true }
        return type.contains("html")
    }

    /// Whether a fetched response holds a document NewsKit reads (a ``Document`` of any kind): an
    /// HTML or XHTML page, a plain-text capture (`text/plain`) or Markdown (`text/markdown`,
    /// front matter or not), by `Content-Type`, or by path when it has none. robots.txt, feeds
    /// and sitemaps (XML), images, scripts, style sheets and other media are not.
    public var isDocumentResponse: Bool {
        if url?.path == "/robots.txt" { return false }
        guard let type = mediaType else { return true }
        return type.contains("html") || type == "text/plain" || type == "text/markdown" || type == "text/x-markdown"
    }

    /// The media type of the `Content-Type` header, lowercased and without its parameters
    /// (`"text/html"` for `text/html; charset=UTF-8`); nil when the page has no such header.
    public var mediaType: String? {
        guard let type = header("Content-Type") else { return nil }
        return (type.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
            .trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// The value of the first header with this name (case-insensitive).
    /// - Parameter name: the header's name, e.g. `"Content-Type"`.
    /// - Returns: the value as received; nil when the page has no such header.
    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name.lowercased() == lower }?.value
    }

    /// The default largest file ``read(path:maximumBytes:)`` accepts: 64 MiB.
    public static let defaultMaximumBytes = 64 << 20

    /// Reads a local file into a page.
    ///
    /// - Parameters:
    ///   - path: the file to read.
    ///   - maximumBytes: files larger than this are refused (a clear error, not an attempt).
    /// Only regular files are read: a FIFO, socket or device is refused without being opened for
    /// reading (opening a FIFO would wait for a writer forever).
    /// - Returns: the file's bytes with its path as ``filePath`` and its modification time as
    ///   ``fetchedAt``; no URL, status or headers.
    /// - Throws: ``InputError`` with code `notFound`, `unreadable`, `notAFile` or `tooLarge`,
    ///   naming the path.
    public static func read(path: String, maximumBytes: Int = Page.defaultMaximumBytes) throws(InputError) -> Page {
        var info = stat()
        if stat(path, &info) != 0 {
            let err = errno
            var link = stat()
            let dangling = err == ENOENT && lstat(path, &link) == 0
            throw InputError(err == ENOENT || err == ENOTDIR ? .notFound : .unreadable, input: path,
                             dangling ? "a symbolic link to a file that does not exist" : err == ENOENT ? "no such file" : String(cString: strerror(err)))
        }
        try refuseUnlessRegular(info.st_mode, path: path)
        // O_NONBLOCK: should the path be swapped for a FIFO after the check, open does not wait.
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        if fd < 0 {
            let err = errno
            throw InputError(err == ENOENT || err == ENOTDIR ? .notFound : .unreadable, input: path,
                             err == ENOENT ? "no such file" : String(cString: strerror(err)))
        }
        defer { close(fd) }
        guard fstat(fd, &info) == 0 else { throw InputError(.unreadable, input: path, String(cString: strerror(errno))) }
        try refuseUnlessRegular(info.st_mode, path: path)
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        let size = Int(info.st_size)
        if size > maximumBytes {
            throw InputError(.tooLarge, input: path, "\(size) bytes is over the limit of \(maximumBytes)")
        }
        // Read straight into the array; a file that reports size 0 or grows (pipes, /proc) is read on in chunks.
        var failure: Int32 = 0
        let capacity = max(size, 0) + 1
        var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            initialized = Page.readFully(fd, into: UnsafeMutableRawBufferPointer(buffer), failure: &failure)
        }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while failure == 0 && bytes.count >= capacity - 1 && bytes.count <= maximumBytes {
            let n = chunk.withUnsafeMutableBytes { Page.readFully(fd, into: $0, failure: &failure) }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        if failure != 0 { throw InputError(.unreadable, input: path, String(cString: strerror(failure))) }
        if bytes.count > maximumBytes { throw InputError(.tooLarge, input: path, "over the limit of \(maximumBytes) bytes") }
        #if canImport(Darwin)
        let mtime = info.st_mtimespec
        #else
        let mtime = info.st_mtim
        #endif
        let modified = Date(timeIntervalSince1970: Double(mtime.tv_sec) + Double(mtime.tv_nsec) / 1e9)
        return Page(bytes: bytes, filePath: path, fetchedAt: modified)
    }
}

extension Page {
    /// Throws unless `mode` is a regular file's, saying what the path is instead.
    fileprivate static func refuseUnlessRegular(_ mode: mode_t, path: String) throws(InputError) {
        let what: String
        switch mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw InputError(.unreadable, input: path, "is a directory")
        case S_IFIFO: what = "a FIFO (named pipe)"
        case S_IFSOCK: what = "a socket"
        case S_IFCHR: what = "a character device"
        case S_IFBLK: what = "a block device"
        default: what = "not a regular file"
        }
        throw InputError(.notAFile, input: path, "is \(what); only regular files are read (use - for standard input)")
    }

    /// Reads until the buffer is full or the file ends; returns the byte count.
    fileprivate static func readFully(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, failure: inout Int32) -> Int {
        var count = 0
        while count < buffer.count {
            let n = Foundation.read(fd, buffer.baseAddress! + count, buffer.count - count)
            if n < 0 { if errno == EINTR { continue }; failure = errno; break }
            if n == 0 { break }
            count += n
        }
        return count
    }
}

import Foundation

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

    /// The value of the first header with this name (case-insensitive).
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
    /// - Throws: ``InputError`` with code `notFound`, `unreadable` or `tooLarge`, naming the path.
    public static func read(path: String, maximumBytes: Int = Page.defaultMaximumBytes) throws(InputError) -> Page {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(.notFound, input: path, "no such file")
        }
        if isDirectory.boolValue { throw InputError(.unreadable, input: path, "is a directory") }
        let attributes = try? fm.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > maximumBytes {
            throw InputError(.tooLarge, input: path, "\(size) bytes is over the limit of \(maximumBytes)")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError(.unreadable, input: path, "cannot open (permissions?)")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maximumBytes + 1) ?? Data()
        } catch {
            throw InputError(.unreadable, input: path, "\(error)")
        }
        if data.count > maximumBytes {
            throw InputError(.tooLarge, input: path, "over the limit of \(maximumBytes) bytes")
        }
        return Page(bytes: [UInt8](data), filePath: path, fetchedAt: attributes?[.modificationDate] as? Date)
    }
}

/// One HTTP header field.
public struct HTTPHeader: Sendable, Hashable, Codable {
    public var name: String
    public var value: String
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

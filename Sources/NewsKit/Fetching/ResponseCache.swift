import Foundation
import NewsKitCore

/// A response cache on disk: each URL's last 200 response (body and headers), so that a rerun
/// asks with `If-None-Match` / `If-Modified-Since` and a 304 serves the stored page.
///
/// Layout: `<directory>/<sha256(url) prefix>.json` (metadata) and `.body`, each written to a
/// temporary name and renamed, so a crash never leaves a half entry.
public final class ResponseCache: @unchecked Sendable {
    /// The folder the entries are kept in, as given.
    public let directory: String
    private let lock = NSLock()

    struct Entry: Codable {
        var url: String
        var finalURL: String?
        var status: Int
        var headers: [HTTPHeader]
        var fetchedAt: Date?
    }

    /// Opens a cache in a folder, creating it (and its parents) when missing; entries already
    /// there are used.
    /// - Parameter directory: the folder's path.
    /// - Throws: ``FetchError`` when the directory cannot be created.
    public init(directory: String) throws(FetchError) {
        self.directory = directory
        do { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
            throw FetchError(.transport, url: directory, curlMessage: "cannot create the cache directory: \(error)")
        }
    }

    private func key(_ url: URL) -> String { String(SHA256.hex(Array(url.absoluteString.utf8)).prefix(32)) }

    /// The stored page for a URL.
    /// - Parameter url: the URL asked for, compared by its absolute string.
    /// - Returns: the last 200 response stored for it; nil when there is none or its files
    ///   cannot be read.
    public func page(for url: URL) -> Page? {
        let k = key(url)
        return lock.withLock {
            guard let meta = FileManager.default.contents(atPath: "\(directory)/\(k).json"),
                  let entry = try? JSONDecoder().decode(Entry.self, from: meta),
                  let body = FileManager.default.contents(atPath: "\(directory)/\(k).body") else { return nil }
            return Page(bytes: [UInt8](body), requestedURL: URL(string: entry.url), finalURL: entry.finalURL.flatMap(URL.init(string:)),
                        httpStatus: entry.status, headers: entry.headers, fetchedAt: entry.fetchedAt)
        }
    }

    /// The conditional request headers for a URL whose response is stored.
    /// - Parameter url: the URL asked for.
    /// - Returns: `If-None-Match` from the stored `ETag` and `If-Modified-Since` from the stored
    ///   `Last-Modified`, each when present; empty when nothing is stored.
    public func validators(for url: URL) -> [HTTPHeader] {
        guard let p = page(for: url) else { return [] }
        var h: [HTTPHeader] = []
        if let etag = p.header("ETag") { h.append(HTTPHeader(name: "If-None-Match", value: etag)) }
        if let lm = p.header("Last-Modified") { h.append(HTTPHeader(name: "If-Modified-Since", value: lm)) }
        return h
    }

    /// Stores a 200 response, replacing the URL's previous entry; any other status is ignored,
    /// and so is a failure to write (the cache is an optimization).
    /// - Parameters:
    ///   - page: the response.
    ///   - url: the URL it answers (the one asked for, not the final hop).
    public func store(_ page: Page, for url: URL) {
        guard page.httpStatus == 200 else { return }
        let k = key(url)
        let entry = Entry(url: url.absoluteString, finalURL: page.finalURL?.absoluteString, status: 200, headers: page.headers, fetchedAt: page.fetchedAt)
        guard let meta = try? JSONEncoder().encode(entry) else { return }
        lock.withLock {
            let tmp = "\(directory)/.\(k).\(UUID().uuidString)"
            // The body first: a metadata file always has its body.
            if FileManager.default.createFile(atPath: tmp + ".body", contents: Data(page.bytes)) {
                _ = rename(tmp + ".body", "\(directory)/\(k).body")
            }
            if FileManager.default.createFile(atPath: tmp + ".json", contents: meta) {
                _ = rename(tmp + ".json", "\(directory)/\(k).json")
            }
        }
    }
}

import Foundation

/// What to fetch and how: the URL plus every limit a polite, robust fetch needs.
public struct FetchRequest: Sendable, Hashable {
    /// The URL to fetch: http or https.
    public var url: URL
    /// Extra request headers (an adapter may add its own).
    public var headers: [HTTPHeader]
    /// Timeouts, limits, redirects, compression and user agent for this fetch.
    public var options: FetchOptions

    /// Makes a request.
    /// - Parameters:
    ///   - url: the URL to fetch.
    ///   - headers: extra request headers; empty for none.
    ///   - options: limits and manners; the defaults give 10 s to connect, 30 s in all, 10
    ///     redirects and 32 MiB of body.
    public init(url: URL, headers: [HTTPHeader] = [], options: FetchOptions = FetchOptions()) {
        self.url = url
        self.headers = headers
        self.options = options
    }
}

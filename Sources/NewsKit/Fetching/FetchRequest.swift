import Foundation

/// What to fetch and how: the URL plus every limit a polite, robust fetch needs.
public struct FetchRequest: Sendable, Hashable {
    public var url: URL
    /// Extra request headers (an adapter may add its own).
    public var headers: [HTTPHeader]
    public var options: FetchOptions

    public init(url: URL, headers: [HTTPHeader] = [], options: FetchOptions = FetchOptions()) {
        self.url = url
        self.headers = headers
        self.options = options
    }
}

/// Limits and manners of a fetch. Every fetch has timeouts, a redirect limit and a body-size limit.
public struct FetchOptions: Sendable, Hashable {
    /// Seconds to establish a connection.
    public var connectTimeout: Double = 10
    /// Seconds for the whole transfer, redirects included.
    public var timeout: Double = 30
    /// Redirects to follow before giving up.
    public var maximumRedirects: Int = 10
    /// Bodies larger than this are refused (``FetchError/Code/tooLarge``).
    public var maximumBodyBytes: Int = 32 << 20
    public var userAgent: String = FetchOptions.defaultUserAgent
    /// Ask for compressed bodies (gzip, deflate, br, zstd: whatever libcurl offers) and decode them.
    public var acceptCompression = true

    public static let defaultUserAgent = "NewsKit/0.4 (+https://github.com/newskit; news article extraction)"

    public init() {}
}

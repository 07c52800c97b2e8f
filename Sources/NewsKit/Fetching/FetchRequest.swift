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

/// HTTP status codes as written on a status line.
public enum HTTPStatus {
    /// The reason phrase for a status line (`404` → `Not Found`); `Status` for codes not listed.
    public static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 301: return "Moved Permanently"
        case 302: return "Found"
        case 304: return "Not Modified"
        case 404: return "Not Found"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 503: return "Service Unavailable"
        default: return "Status"
        }
    }
}

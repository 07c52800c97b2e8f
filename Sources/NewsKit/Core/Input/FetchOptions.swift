import Foundation

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
    /// The `User-Agent` header sent, also the name robots.txt groups are matched against.
    public var userAgent: String = FetchOptions.defaultUserAgent
    /// Ask for compressed bodies (gzip, deflate, br, zstd: whatever libcurl offers) and decode them.
    public var acceptCompression = true
    /// Follow redirects in the transport (``CurlFetcher``). ``PoliteFetcher`` turns this off for
    /// its transfers and follows each hop itself, so every hop is checked against its own host's
    /// robots.txt and politeness; with it off a 3xx comes back as a ``Page``.
    public var followsRedirects = true
    /// Keep the first ``maximumBodyBytes`` of a larger body instead of failing with
    /// ``FetchError/Code/tooLarge`` (robots.txt: RFC 9309 parses the first 500 KiB). A cut page
    /// carries the header ``truncatedHeader``.
    public var truncatesAtLimit = false

    /// The header a page cut at ``maximumBodyBytes`` carries (see ``truncatesAtLimit``).
    public static let truncatedHeader = "X-NewsKit-Truncated"
    /// The longest timeout a transfer is given (a day); longer, infinite or NaN values mean this.
    public static let maximumTimeout: Double = 86_400

    /// Seconds as whole milliseconds for libcurl, with non-finite, negative and absurd values
    /// brought into `0...maximumTimeout` (so no value from outside can trap a conversion).
    package static func milliseconds(_ seconds: Double) -> Int {
        guard seconds.isFinite else { return Int(maximumTimeout * 1000) }
        return Int(min(max(0, seconds), maximumTimeout) * 1000)
    }

    /// The user agent sent unless you set your own: NewsKit, its version and where to read about it.
    public static let defaultUserAgent = "NewsKit/0.4 (+https://github.com/newskit; news article extraction)"

    /// The defaults: 10 s to connect, 30 s in all, 10 redirects followed, 32 MiB of body
    /// (refused beyond), compression asked for, ``defaultUserAgent``.
    public init() {}
}

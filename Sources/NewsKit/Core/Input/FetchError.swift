/// Why a fetch failed. Carries the URL, the HTTP status or libcurl's error text, and how many
/// attempts were made. A 404 or a robots.txt refusal is a result reported as such, not retried.
public struct FetchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure, as a value to compare with (`error.code == .timeout`); new codes
    /// may be added without breaking callers.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The server answered with an error status (see ``FetchError/httpStatus``).
        public static let httpStatus = Code(rawValue: "httpStatus")
        /// The connect or total timeout passed.
        public static let timeout = Code(rawValue: "timeout")
        /// No connection, or the connection broke (refused, reset, DNS).
        public static let connection = Code(rawValue: "connection")
        /// More redirects than allowed (or a loop).
        public static let tooManyRedirects = Code(rawValue: "tooManyRedirects")
        /// The body is larger than allowed.
        public static let tooLarge = Code(rawValue: "tooLarge")
        /// robots.txt disallows the URL for our user agent.
        public static let robotsDisallowed = Code(rawValue: "robotsDisallowed")
        /// robots.txt could not be fetched (unreachable, timed out, HTTP 5xx): everything on the
        /// host is disallowed, and ``FetchError/curlMessage`` says what happened.
        public static let robotsUnavailable = Code(rawValue: "robotsUnavailable")
        /// A response or archive record ended early (a WARC record cut short, a chunked body
        /// without its last chunk).
        public static let truncated = Code(rawValue: "truncated")
        /// The file is not a WARC archive, or holds something else between its records.
        public static let notAnArchive = Code(rawValue: "notAnArchive")
        /// The task was cancelled.
        public static let cancelled = Code(rawValue: "cancelled")
        /// Not an http(s) URL.
        public static let invalidURL = Code(rawValue: "invalidURL")
        /// Any other libcurl error.
        public static let transport = Code(rawValue: "transport")
    }

    /// What kind of failure it is.
    public let code: Code
    /// The URL that failed, as given; for a file (a WARC archive, the cache directory) its path.
    public let url: String
    /// The HTTP status, for an ``Code/httpStatus`` failure; nil for others.
    public let httpStatus: Int?
    /// libcurl's error text, when the failure came from libcurl.
    public let curlMessage: String?
    /// How many attempts were made, retries included (1 when the request was not retried).
    public var attempts: Int

    /// Makes a failure, as a ``Fetcher`` or a test reports one.
    /// - Parameters:
    ///   - code: what kind of failure.
    ///   - url: the URL (or file path) that failed.
    ///   - httpStatus: the HTTP status, for ``Code/httpStatus``.
    ///   - curlMessage: libcurl's error text, or another sentence saying what happened.
    ///   - attempts: how many attempts were made.
    public init(_ code: Code, url: String, httpStatus: Int? = nil, curlMessage: String? = nil, attempts: Int = 1) {
        self.code = code
        self.url = url
        self.httpStatus = httpStatus
        self.curlMessage = curlMessage
        self.attempts = attempts
    }

    /// Whether trying again may help: connection errors, timeouts, 429 and 5xx.
    public var isRetryable: Bool {
        switch code {
        case .timeout, .connection: return true
        case .httpStatus: return httpStatus == 429 || (httpStatus ?? 0) >= 500
        default: return false
        }
    }

    /// A short reason for people and for `{"error": …}` lines.
    public var reason: String {
        switch code {
        case .httpStatus: return "HTTP \(httpStatus ?? 0)"
        case .robotsDisallowed: return "disallowed by robots.txt"
        case .robotsUnavailable: return curlMessage ?? "robots.txt unavailable"
        default: return curlMessage.map { "\(code.rawValue): \($0)" } ?? code.rawValue
        }
    }

    public var description: String {
        "\(url): \(reason)" + (attempts > 1 ? " (after \(attempts) attempts)" : "")
    }
}

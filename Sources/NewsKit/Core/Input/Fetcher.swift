/// Fetches pages. `CurlFetcher` does the transfers; ``PoliteFetcher`` adds robots.txt,
/// per-host limits, retries and the response cache on top.
public protocol Fetcher: Sendable {
    /// Fetches a URL. Any HTTP status comes back as a ``Page`` (see ``Page/httpStatus``);
    /// throws only when there is no response (or a layer refuses the request).
    /// - Parameter request: the URL, extra headers and options (timeouts, limits, redirects).
    /// - Returns: the response: status, headers, body (decompressed), final URL and fetch time.
    /// - Throws: ``FetchError`` when no response came (timeout, connection, too many
    ///   redirects, a body over the limit, cancellation), or when the implementation refuses
    ///   one (``PoliteFetcher``: robots.txt, and statuses from 400 once retries are spent).
    func fetch(_ request: FetchRequest) async throws(FetchError) -> Page
}

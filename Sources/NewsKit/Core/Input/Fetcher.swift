/// Fetches pages. `CurlFetcher` does the transfers; ``PoliteFetcher`` adds robots.txt,
/// per-host limits, retries and the response cache on top.
public protocol Fetcher: Sendable {
    /// Fetches a URL. Any HTTP status comes back as a ``Page`` (see ``Page/httpStatus``), an
    /// error status (400 or more) too, with the body the server sent: whether it is a failure
    /// is the caller's to say (``Pipeline`` counts it as ``PipelineFailureKind/fetch(_:)``
    /// `httpStatus`). Every fetcher in NewsKit keeps to this; one that retries (``PoliteFetcher``)
    /// returns the last response once its retries are spent.
    /// - Parameter request: the URL, extra headers and options (timeouts, limits, redirects).
    /// - Returns: the response: status, headers, body (decompressed), final URL and fetch time.
    /// - Throws: ``FetchError`` when no response came (timeout, connection, too many
    ///   redirects, a body over the limit, cancellation), or when the implementation refuses
    ///   the request (``PoliteFetcher``: robots.txt).
    func fetch(_ request: FetchRequest) async throws(FetchError) -> Page
}

/// Fetches pages. `CurlFetcher` does the transfers; ``PoliteFetcher`` adds robots.txt,
/// per-host limits, retries and the response cache on top.
public protocol Fetcher: Sendable {
    /// Fetches a URL. Any HTTP status comes back as a ``Page`` (see ``Page/httpStatus``);
    /// throws only when there is no response (or a layer refuses the request).
    func fetch(_ request: FetchRequest) async throws(FetchError) -> Page
}

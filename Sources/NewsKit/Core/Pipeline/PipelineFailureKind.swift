/// Why an input gave no article: the stage that failed and that stage's own error code, so a
/// summary can count failures by kind and code can compare them (`kind == .fetch(.timeout)`).
///
/// Its ``description`` is the stage and the code joined by a dot (`input.notFound`,
/// `fetch.httpStatus`, `extraction.noContent`), as summaries and `{"error": …}` lines print it.
public enum PipelineFailureKind: Sendable, Hashable, CustomStringConvertible {
    /// The file could not be read or the page could not be decoded (``InputError/code``).
    case input(InputError.Code)
    /// The fetch failed (``FetchError/code``); a page that came back with an HTTP status of 400
    /// or more is `.fetch(.httpStatus)`, whichever fetcher fetched it.
    case fetch(FetchError.Code)
    /// No adapter read an article from the page (``ExtractionError/code``).
    case extraction(ExtractionError.Code)
    /// A URL input reached a pipeline that has no ``Pipeline/fetcher``.
    case noFetcher
    /// An error of a type the pipeline does not know (thrown by a user's adapter or enricher).
    case other

    /// `input.notFound`, `fetch.timeout`, `extraction.notAnArticle`, `fetch.noFetcher`, `other`.
    public var description: String {
        switch self {
        case .input(let code): return "input.\(code)"
        case .fetch(let code): return "fetch.\(code)"
        case .extraction(let code): return "extraction.\(code)"
        case .noFetcher: return "fetch.noFetcher"
        case .other: return "other"
        }
    }
}

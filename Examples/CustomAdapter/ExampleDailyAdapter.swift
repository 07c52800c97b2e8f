import NewsKit

/// Reads 예시일보 (example-daily.kr) pages. The headline is `h1.headline`, the body is
/// `div.article-body` and the time is in `span.published`. Every other field is read the
/// generic way, and the shared Korean rules (bylines, captions, furniture, related blocks)
/// run on the body. A page without `div.article-body` is read the generic way with a warning,
/// rather than lost.
public struct ExampleDailyAdapter: LayoutAdapter {
    public let id = "example-daily"
    public let version = "1"
    public let summary = "예시일보 (example-daily.kr) articles"
    public let hosts = ["example-daily.kr"]
    public let layouts = [ExampleDailyAdapter.current, ExampleDailyAdapter.before2025]

    public init() {}

    /// The markup since the 2025 redesign.
    static let current = ArticleLayout(
        name: "2025 markup",
        reads: ArticleLayout.has("div.article-body"),
        headline: .text(of: "h1.headline"),
        dates: .dates(in: "span.published"),
        authors: .bylines(in: ".reporter"),
        content: .container("div.article-body"))

    /// The markup before it, for pages published until the end of March 2025.
    static let before2025 = ArticleLayout(
        name: "2019 markup",
        validUntil: Instant(iso8601: "2025-03-31T23:59:59+09:00"),
        reads: ArticleLayout.has("#articleBody"),
        headline: .text(of: "h2.title"),
        content: .container("#articleBody"))

    public func source(for document: Document) -> Source {
        Source(id: "example-daily.kr", name: "예시일보", homepage: "https://example-daily.kr", kind: .newspaper)
    }

    public func confidence(for document: Document) -> Confidence {
        if matchesHost(document) { return .certain }
        return document.metadata.siteName == "예시일보" ? .declaredSite : .none
    }
}

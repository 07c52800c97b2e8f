import Foundation

/// Reads the pages of one site (or one kind of page) into ``Article``s.
///
/// ```swift
/// struct ExampleDailyAdapter: SiteAdapter {
///     let id = "example-daily"
///     let version = "1"
///     let summary = "example.com articles"
///     let hosts = ["example.com"]
///     func confidence(for document: Document) -> Confidence { matchesHost(document) ? .certain : .none }
///     func extract(_ document: Document) throws(ExtractionError) -> Article { … }
/// }
/// ```
///
/// Implementation requirements: an adapter does no I/O and reads no clock (time comes from the
/// ``Page``), so identical bytes always give identical articles. It is a `Sendable` value. It
/// leaves `id`, `url`, `file` and `adapter` to the ``AdapterRegistry``, which fills them the
/// same way for every adapter. See `docs/adding-an-adapter.md`.
public protocol SiteAdapter: Sendable {
    /// A unique, stable id (`yonhap`), used on the command line and in ``Article/adapter``.
    var id: String { get }
    /// Bump it whenever the adapter's output for the same page changes.
    var version: String { get }
    /// One line saying what the adapter reads, for `newskit-demo adapters`.
    var summary: String { get }
    /// The hosts whose pages the adapter owns; subdomains match too (`yna.co.kr` ⊇ `www.yna.co.kr`).
    var hosts: [String] { get }
    /// The site's feeds and sitemaps, for crawling it; none by default.
    var feeds: [String] { get }
    /// Request headers the site wants when its pages are fetched; none by default.
    var requestHeaders: [HTTPHeader] { get }
    /// How sure the adapter is that this is its page, as one of the named ``Confidence`` levels.
    /// Host matches, markup fingerprints and, for text captures, the layout's telltale lines count.
    /// - Parameter document: the page.
    /// - Returns: ``Confidence/none`` when it is not the adapter's page.
    func confidence(for document: Document) -> Confidence
    /// Reads the document.
    ///
    /// The registry finishes the article with ``Article/complete(from:adapter:)``; an adapter
    /// called directly should call it itself (the kit's adapters do).
    /// - Parameter document: the page, decoded once.
    /// - Returns: the article the page holds.
    /// - Throws: ``ExtractionError`` when the page is not an article the adapter can read.
    func extract(_ document: Document) throws(ExtractionError) -> Article
}

extension SiteAdapter {
    public var hosts: [String] { [] }

    /// The site's feeds and sitemaps (for `newskit-demo crawl <adapter-id>`); none by default.
    public var feeds: [String] { [] }

    /// Request headers the site wants (sent when fetching its pages); none by default.
    public var requestHeaders: [HTTPHeader] { [] }

    /// Whether a host is one of ``hosts`` (or a subdomain of one).
    /// - Parameter host: a host name, compared without regard to case; nil is claimed by no adapter.
    /// - Returns: true when `host` is one of ``hosts`` or ends in `.` and one of them.
    public func claims(host: String?) -> Bool {
        guard let h = host?.lowercased() else { return false }
        return hosts.contains { h == $0 || h.hasSuffix("." + $0) }
    }

    /// The ``AdapterInfo`` stamped on articles.
    public var info: AdapterInfo { AdapterInfo(id: id, version: version) }

    /// Whether the page's URL (final, requested or canonical) is on one of ``hosts``.
    /// - Parameter document: the page.
    /// - Returns: true when one of the page's hosts is claimed (``claims(host:)``).
    public func matchesHost(_ document: Document) -> Bool {
        document.hosts.contains { claims(host: $0) }
    }
}

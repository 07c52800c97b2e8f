/// How sure an adapter is that a page is its own, as named levels the registry compares: the
/// most confident adapter reads the page (the first listed wins a tie).
///
/// ```swift
/// func confidence(for document: Document) -> Confidence {
///     if matchesHost(document) { return .certain }
///     return document.metadata.siteName == "이투데이" ? .declaredSite : .none
/// }
/// ```
///
/// The levels, from the most sure: ``certain`` (the site's own host), ``declaredSite`` (the page
/// names the site, or a layout that no other site uses), ``distinctLayout``, ``layout`` and
/// ``resemblance`` (a text capture's telltale lines, weaker to stronger evidence), ``generic``
/// (any page) and ``genericFallback`` (a kind another adapter should read), then ``none``.
public struct Confidence: RawRepresentable, Comparable, Sendable, Hashable, CustomStringConvertible {
    /// The level as a number from 0 (not this adapter's page) to 1 (certain).
    public let rawValue: Double

    /// A level between the named ones, for an adapter that needs one.
    /// - Parameter rawValue: from 0 to 1; values outside are clamped.
    public init(rawValue: Double) { self.rawValue = rawValue.isNaN ? 0 : min(1, max(0, rawValue)) }

    /// The page is on the site's host (and, where the adapter checks, at an article's path).
    public static let certain = Confidence(rawValue: 1)
    /// The page names the site (`og:site_name`), or shows a layout no other site uses.
    public static let declaredSite = Confidence(rawValue: 0.95)
    /// The site's host without an article path, or the site's own markers (a lead tag, labels).
    public static let siteMarkers = Confidence(rawValue: 0.9)
    /// A layout's telltale lines together (a time line and the site's controls).
    public static let distinctLayout = Confidence(rawValue: 0.85)
    /// A layout that other sites may share (an agency's dateline in a capture).
    public static let resemblance = Confidence(rawValue: 0.8)
    /// Any page: the generic reading.
    public static let generic = Confidence(rawValue: 0.01)
    /// A kind another adapter reads better, but the generic reading can read too.
    public static let genericFallback = Confidence(rawValue: 0.005)
    /// Not this adapter's page.
    public static let none = Confidence(rawValue: 0)

    public static func < (a: Confidence, b: Confidence) -> Bool { a.rawValue < b.rawValue }

    /// The number, as the registry logs it.
    public var description: String { "\(rawValue)" }
}

import Foundation

/// Why an adapter could not read a page. Carries the page (URL or path) and the adapter.
public struct ExtractionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure, as a value to compare with (`error.code == .notAnArticle`); new
    /// codes may be added without breaking callers.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The page is not an article (a section front, a list, a home page).
        public static let notAnArticle = Code(rawValue: "notAnArticle")
        /// No article text could be found.
        public static let noContent = Code(rawValue: "noContent")
        /// The adapter asked for does not exist, or does not read this kind of document.
        public static let unsupported = Code(rawValue: "unsupported")
    }

    /// What kind of failure it is.
    public let code: Code
    /// The page's URL or path.
    public let input: String
    /// The adapter that failed, if one was chosen.
    public let adapter: String?
    /// What went wrong, for people (`no adapter reads this page`, the adapter's reason).
    public let message: String
    /// What the page states though it is not an article, for ``Code/notAnArticle`` and
    /// ``Code/noContent``: its title, dates, authors, images and teasers, with ``Article/pageKind``
    /// saying what it seems to be and the reason among its warnings; nil when the page states
    /// nothing or the adapter does not say.
    public let page: Article?

    /// Makes a failure.
    /// - Parameters:
    ///   - code: what kind of failure.
    ///   - input: the page's URL or path (``Page/name``).
    ///   - adapter: the id of the adapter that failed; nil when none was chosen.
    ///   - message: what went wrong, for people.
    ///   - page: what the page states though it is not an article; nil for nothing.
    public init(_ code: Code, input: String, adapter: String? = nil, _ message: String, page: Article? = nil) {
        self.code = code
        self.input = input
        self.adapter = adapter
        self.message = message
        self.page = page
    }

    public var description: String {
        "\(input): \(message)" + (adapter.map { " (adapter \($0))" } ?? "")
    }
}

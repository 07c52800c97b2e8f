import Foundation

/// Why an adapter could not read a page. Carries the page (URL or path) and the adapter.
public struct ExtractionError: Error, Sendable, Hashable, CustomStringConvertible {
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

    public let code: Code
    /// The page's URL or path.
    public let input: String
    /// The adapter that failed, if one was chosen.
    public let adapter: String?
    public let message: String

    public init(_ code: Code, input: String, adapter: String? = nil, _ message: String) {
        self.code = code
        self.input = input
        self.adapter = adapter
        self.message = message
    }

    public var description: String {
        "\(input): \(message)" + (adapter.map { " (adapter \($0))" } ?? "")
    }
}

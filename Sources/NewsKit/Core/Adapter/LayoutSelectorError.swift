import NewsKitHTML

/// A selector a layout declared that does not parse: a reader using it fails (and falls back)
/// with this error rather than crashing the program that loads the adapter.
///
/// Not an ``ExtractionError``: the page is still read (the field the generic way, with this
/// error's description among the article's warnings), and the fault is the layout's, the same
/// on every page.
public struct LayoutSelectorError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as a value to compare with (`error.code == .invalidSelector`); new codes
    /// may be added without breaking callers.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The selector does not parse as CSS (``LayoutSelectorError/reason`` says where and why).
        public static let invalidSelector = Code(rawValue: "invalidSelector")
    }

    /// What went wrong.
    public let code: Code
    /// The selector as written.
    public let selector: String
    /// Why it does not parse.
    public let reason: String
    /// The selector and the reason, for the article's warning.
    public var description: String { "the selector \"\(selector)\" does not parse: \(reason)" }

    init(_ code: Code, selector: String, reason: String) {
        self.code = code
        self.selector = selector
        self.reason = reason
    }

    /// Parses `css`, or the error a reader reports for it.
    static func parse(_ css: String) -> Result<CSSSelector, LayoutSelectorError> {
        do { return .success(try CSSSelector(css)) } catch {
            return .failure(LayoutSelectorError(.invalidSelector, selector: css, reason: "\(error)"))
        }
    }
}

extension Result where Failure == LayoutSelectorError {
    /// The first element under `root` the parsed selector matches.
    func first(in document: Document) throws(LayoutSelectorError) -> HTMLNode? where Success == CSSSelector {
        let selector = try get()
        return document.html?.root.first(selector)
    }

    /// Every element the parsed selector matches, in document order.
    func all(in document: Document) throws(LayoutSelectorError) -> [HTMLNode] where Success == CSSSelector {
        let selector = try get()
        return document.html?.root.select(selector) ?? []
    }
}

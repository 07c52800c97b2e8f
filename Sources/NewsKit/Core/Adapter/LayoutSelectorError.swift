import NewsKitHTML

/// A selector a layout declared that does not parse: a reader using it fails (and falls back)
/// with this error rather than crashing the program that loads the adapter.
public struct LayoutSelectorError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The selector as written.
    public let selector: String
    /// Why it does not parse.
    public let reason: String
    /// The selector and the reason, for the article's warning.
    public var description: String { "the selector \"\(selector)\" does not parse: \(reason)" }

    /// Parses `css`, or the error a reader reports for it.
    static func parse(_ css: String) -> Result<CSSSelector, LayoutSelectorError> {
        do { return .success(try CSSSelector(css)) } catch {
            return .failure(LayoutSelectorError(selector: css, reason: "\(error)"))
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

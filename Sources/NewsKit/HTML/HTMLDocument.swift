/// A parsed HTML document: an immutable tree stored compactly (nodes in one array,
/// character data in one byte buffer), navigated through ``HTMLNode`` handles.
///
/// ```swift
/// let doc = HTMLParser.parse("<title>연합뉴스</title><p>본문")
/// doc.title            // "연합뉴스"
/// doc.body?.textContent // "본문"
/// ```
///
/// Documents are immutable and `Sendable`: share them across tasks freely.
public final class HTMLDocument: Sendable {
    @usableFromInline let store: NodeStore
    /// The rendering mode the DOCTYPE selected.
    public let quirksMode: HTMLQuirksMode
    let fragmentRootIndex: Int32

    init(store: NodeStore, quirksMode: HTMLQuirksMode, fragmentRoot: Int32?) {
        self.store = store
        self.quirksMode = quirksMode
        self.fragmentRootIndex = fragmentRoot ?? -1
    }

    /// The Document node.
    public var root: HTMLNode { HTMLNode(document: self, index: 0) }

    /// For a fragment parse: the element whose children are the fragment. Nil for documents.
    public var fragmentRoot: HTMLNode? { fragmentRootIndex >= 0 ? HTMLNode(document: self, index: fragmentRootIndex) : nil }

    /// Number of nodes created while parsing (including template contents).
    public var nodeCount: Int { store.nodes.count }

    /// The node with this ``HTMLNode/id``: nodes are numbered in the order the parser made them,
    /// from 0 (the Document node) to ``nodeCount`` - 1, template contents included.
    /// - Parameter id: a node's ``HTMLNode/id``.
    /// - Returns: the node; nil when no node of this document has that id.
    @inlinable public func node(id: Int) -> HTMLNode? {
        id >= 0 && id < store.nodes.count ? HTMLNode(document: self, index: Int32(id)) : nil
    }

    /// The `<html>` element.
    public var documentElement: HTMLNode? { root.children.first }

    /// The `<head>` element.
    public var head: HTMLNode? { documentElement?.children.first { $0.is(.head) } }

    /// The `<body>` element (or `<frameset>`).
    public var body: HTMLNode? { documentElement?.children.first { $0.is(.body) || $0.is(.frameset) } }

    /// The text of the first `<title>`, whitespace collapsed.
    public var title: String? {
        guard let t = root.descendants.first(where: { $0.is(.title) && $0.namespace == .html }) else { return nil }
        return t.textContent.collapsingWhitespace()
    }

    /// Elements matching a compiled selector, in document order.
    /// - Parameter selector: the selector to match.
    /// - Returns: the matching elements; empty when none matches.
    public func select(_ selector: CSSSelector) -> [HTMLNode] {
        root.select(selector)
    }

    /// Elements matching a CSS selector, in document order.
    /// - Parameter css: the selector's source text, compiled on each call (compile it once with
    ///   ``CSSSelector/init(_:)`` to match it many times).
    /// - Returns: the matching elements; empty when none matches.
    /// - Throws: ``CSSSelectorError`` when `css` is not a valid selector, saying where and why.
    public func select(_ css: String) throws(CSSSelectorError) -> [HTMLNode] {
        select(try CSSSelector(css))
    }

    /// The spelling of an interned name.
    func spelling(_ name: UInt32) -> String { store.names.spelling(of: name) }
}

/// A handle to one node of an ``HTMLDocument``: cheap to copy, `Hashable`, `Sendable`.
public struct HTMLNode: Hashable, Sendable, CustomStringConvertible {
    /// The document this node belongs to.
    public let document: HTMLDocument
    @usableFromInline let index: Int32

    @inlinable init(document: HTMLDocument, index: Int32) {
        self.document = document
        self.index = index
    }

    public static func == (a: HTMLNode, b: HTMLNode) -> Bool { a.document === b.document && a.index == b.index }
    public func hash(into h: inout Hasher) { h.combine(ObjectIdentifier(document)); h.combine(index) }

    @inlinable @inline(__always) var record: NodeRecord { document.store.nodes[Int(index)] }

    @inlinable func node(_ i: Int32) -> HTMLNode? { i >= 0 ? HTMLNode(document: document, index: i) : nil }

    /// The node's position in document creation order (stable for the document's lifetime).
    @inlinable public var id: Int { Int(index) }

    /// What sort of node this is: element, text, comment, doctype, the Document node or a template's content.
    @inlinable public var kind: HTMLNodeKind { record.kind }
    /// Whether this node is an element, in any namespace.
    @inlinable public var isElement: Bool { record.kind == .element }
    /// Whether this node is a text node.
    @inlinable public var isText: Bool { record.kind == .text }
    /// The element's namespace (`.html` for nodes that are not elements).
    @inlinable public var namespace: HTMLNamespace { record.namespace }

    /// The local name of an element (lowercase for HTML elements), or "" for other nodes.
    public var tagName: String { record.kind == .element ? document.spelling(record.name) : "" }

    package func `is`(_ t: KnownName) -> Bool { document.store.isHTML(index, t) }

    /// The element's name when it is an HTML element the parser knows by heart (``KnownName``);
    /// `.none` for other elements, for SVG and MathML elements and for nodes that are not elements.
    @inlinable package var knownTag: KnownName {
        let r = record
        return r.kind == .element && r.namespace == .html ? tagOf(r.name) : .none
    }

    /// A number that two elements of one document share exactly when they have the same
    /// namespace and local name (0 for nodes that are not elements): for grouping elements by
    /// name without making their names' strings.
    @inlinable package var nameKey: Int {
        let r = record
        return r.kind == .element ? Int(r.name) << 3 | Int(r.namespace.rawValue) + 1 : 0
    }

    /// Whether both nodes are elements of the same namespace and local name.
    package func hasSameName(as other: HTMLNode) -> Bool {
        guard document !== other.document else { return nameKey != 0 && nameKey == other.nameKey }
        return isElement && other.isElement && namespace == other.namespace && tagName == other.tagName
    }

    /// Whether this is an HTML element with the given local name.
    /// - Parameter name: the local name, lowercase (`"p"`, `"figcaption"`); compared exactly.
    /// - Returns: true for an element in the HTML namespace with that name; false for any other
    ///   node, including SVG and MathML elements of the same name.
    public func isElement(named name: String) -> Bool {
        let r = record
        guard r.kind == .element, r.namespace == .html, let id = document.store.names.id(of: name) else { return false }
        return r.name == id
    }

    /// The node this one is a child of; nil for the Document node and for a template's content.
    @inlinable public var parent: HTMLNode? { node(record.parent) }

    /// Whether this node is `ancestor` or lies inside it.
    /// - Parameter ancestor: the node to look for among this node's ancestors.
    /// - Returns: true if `ancestor` is this node or one of its ancestors; false when it belongs
    ///   to another document.
    @inlinable public func isInside(_ ancestor: HTMLNode) -> Bool {
        guard ancestor.document === document else { return false }
        let nodes = document.store.nodes
        var n = index
        while n >= 0 {
            if n == ancestor.index { return true }
            n = nodes[Int(n)].parent
        }
        return false
    }
    /// The first child node of any kind; nil when the node has no children.
    @inlinable public var firstChild: HTMLNode? { node(record.firstChild) }
    /// The last child node of any kind; nil when the node has no children.
    @inlinable public var lastChild: HTMLNode? { node(record.lastChild) }
    /// The node after this one under the same parent, of any kind; nil for the last child.
    @inlinable public var nextSibling: HTMLNode? { node(record.next) }
    /// The node before this one under the same parent, of any kind; nil for the first child.
    @inlinable public var previousSibling: HTMLNode? { node(record.prev) }

    /// The next sibling that is an element.
    public var nextElementSibling: HTMLNode? {
        var n = record.next
        while n >= 0 { if document.store.nodes[Int(n)].kind == .element { return node(n) }; n = document.store.nodes[Int(n)].next }
        return nil
    }

    /// The previous sibling that is an element.
    public var previousElementSibling: HTMLNode? {
        var n = record.prev
        while n >= 0 { if document.store.nodes[Int(n)].kind == .element { return node(n) }; n = document.store.nodes[Int(n)].prev }
        return nil
    }

    /// All child nodes, in order.
    public var childNodes: [HTMLNode] {
        var out: [HTMLNode] = []
        var c = record.firstChild
        while c >= 0 { out.append(HTMLNode(document: document, index: c)); c = document.store.nodes[Int(c)].next }
        return out
    }

    /// Child elements, in order.
    public var children: [HTMLNode] { childNodes.filter { $0.isElement } }

    /// Every descendant node in document order (pre-order), iteratively.
    public var descendants: HTMLDescendants { HTMLDescendants(root: self) }

    /// Ancestors from the parent up to the Document node.
    public var ancestors: [HTMLNode] {
        var out: [HTMLNode] = []
        var p = record.parent
        while p >= 0 { out.append(HTMLNode(document: document, index: p)); p = document.store.nodes[Int(p)].parent }
        return out
    }

    /// A template element's content fragment.
    public var templateContent: HTMLNode? {
        document.store.templateContents[index].map { HTMLNode(document: document, index: $0) }
    }

    // MARK: Attributes

    /// The attributes in source order: (name, value). Namespaced foreign attributes are
    /// spelled with their prefix (`xlink:href`).
    public var attributes: [(name: String, value: String)] {
        let r = record
        guard r.kind == .element else { return [] }
        let store = document.store
        return (Int(r.start)..<Int(r.end)).map { i in
            let a = store.attributes[i]
            var name = store.names.spelling(of: a.name)
            switch a.namespace {
            case .none: break
            case .xlink: name = "xlink:" + name
            case .xml: name = "xml:" + name
            case .xmlns: name = name == "xmlns" ? name : "xmlns:" + name
            }
            return (name, String(decoding: store.text[Int(a.valueStart)..<Int(a.valueEnd)], as: UTF8.self))
        }
    }

    /// The value of the attribute with this (lowercase) name, if present.
    /// - Parameter name: the attribute's name, compared exactly; namespaced foreign attributes
    ///   (`xlink:href`) are not found this way, read them from ``attributes``.
    /// - Returns: the value (possibly empty, as for `<input disabled>`); nil when the node is not
    ///   an element or has no such attribute.
    public func attribute(_ name: String) -> String? {
        attributeBytes(name).map { String(decoding: $0, as: UTF8.self) }
    }

    package func attributeBytes(_ name: String) -> ArraySlice<UInt8>? {
        guard let id = document.store.names.id(of: name) else { return nil }
        return attributeBytes(id: id)
    }

    /// The value of a known attribute (`class`, `id`, `href` …) as UTF-8 bytes, without making a String.
    /// - Parameter name: the attribute, one of the names the parser knows by heart.
    /// - Returns: its value; nil when the node is not an element or has no such attribute.
    @inlinable package func attributeBytes(_ name: KnownName) -> ArraySlice<UInt8>? { attributeBytes(id: name.id) }

    /// Whether the element carries any attribute at all (a cheap test before looking for one).
    @inlinable package var hasAttributes: Bool {
        let r = record
        return r.kind == .element && r.end > r.start
    }

    @inlinable func attributeBytes(id: UInt32) -> ArraySlice<UInt8>? {
        let r = record
        guard r.kind == .element else { return nil }
        let store = document.store
        for i in Int(r.start)..<Int(r.end) where store.attributes[i].name == id && store.attributes[i].namespace == .none {
            let a = store.attributes[i]
            return store.text[Int(a.valueStart)..<Int(a.valueEnd)]
        }
        return nil
    }

    /// Whether the element carries the attribute, whatever its value.
    /// - Parameter name: the attribute's name, lowercase, compared exactly as in ``attribute(_:)``.
    /// - Returns: true when ``attribute(_:)`` would return a value, even an empty one.
    public func hasAttribute(_ name: String) -> Bool { attributeBytes(name) != nil }

    /// The `id` attribute.
    public var elementID: String? { attribute("id") }

    /// The whitespace-separated classes of the `class` attribute.
    public var classList: [String] {
        guard let c = attributeBytes(id: KnownName.class.id) else { return [] }
        return c.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0C || $0 == 0x0D })
            .map { String(decoding: $0, as: UTF8.self) }
    }

    // MARK: Text

    /// Text and comment data; "" for other nodes.
    public var data: String { withDataBytes { String(decoding: $0, as: UTF8.self) } }

    /// The concatenated text of all descendant text nodes (the DOM's `textContent`).
    public var textContent: String {
        let r = record
        if r.kind == .text || r.kind == .comment { return data }
        var bytes: [UInt8] = []
        appendText(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Calls `body` with the data of a text or comment node as UTF-8 bytes, in place (empty for
    /// other nodes): the parser's own buffer, valid only during the call.
    /// - Parameter body: reads the bytes.
    /// - Returns: what `body` returns.
    @inlinable package func withDataBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let r = record
        guard r.kind == .text || r.kind == .comment else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        let (start, end) = (Int(r.start), Int(r.end))
        return try document.store.text.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// The text content as UTF-8 bytes (no String made).
    package var textBytes: [UInt8] {
        var bytes: [UInt8] = []
        appendText(to: &bytes)
        return bytes
    }

    package func appendText(to bytes: inout [UInt8]) {
        let store = document.store
        for n in descendants where n.record.kind == .text {
            let r = n.record
            bytes.append(contentsOf: store.text[Int(r.start)..<Int(r.end)])
        }
    }

    public var description: String {
        switch kind {
        case .element: return "<\(tagName)>"
        case .text: return "\"\(data)\""
        case .comment: return "<!--\(data)-->"
        case .document: return "#document"
        case .doctype: return "<!DOCTYPE>"
        case .fragment: return "#fragment"
        }
    }
}

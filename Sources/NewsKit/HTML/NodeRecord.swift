/// One node: 40 bytes, linked to its relatives by index (-1 for none).
package struct NodeRecord {
    package internal(set) var kind: HTMLNodeKind
    package internal(set) var namespace: HTMLNamespace
    /// Parser categories of an element (``ElementFlags``), computed once at creation.
    package internal(set) var flags: UInt8 = 0
    package internal(set) var name: UInt32
    package internal(set) var parent: Int32 = -1
    package internal(set) var firstChild: Int32 = -1
    package internal(set) var lastChild: Int32 = -1
    package internal(set) var next: Int32 = -1
    package internal(set) var prev: Int32 = -1
    /// Text and comments: start of the data in `text`. Elements: first attribute index.
    package internal(set) var start: Int32 = 0
    /// Text and comments: end of the data. Elements: end of the attribute range.
    package internal(set) var end: Int32 = 0
}

/// One node: 40 bytes, linked to its relatives by index (-1 for none).
@usableFromInline struct NodeRecord: Sendable {
    @usableFromInline var kind: HTMLNodeKind
    @usableFromInline var namespace: HTMLNamespace
    /// Parser categories of an element (``ElementFlags``), computed once at creation.
    @usableFromInline var flags: UInt8 = 0
    @usableFromInline var name: UInt32
    @usableFromInline var parent: Int32 = -1
    @usableFromInline var firstChild: Int32 = -1
    @usableFromInline var lastChild: Int32 = -1
    @usableFromInline var next: Int32 = -1
    @usableFromInline var prev: Int32 = -1
    /// Text and comments: start of the data in `text`. Elements: first attribute index.
    @usableFromInline var start: Int32 = 0
    /// Text and comments: end of the data. Elements: end of the attribute range.
    @usableFromInline var end: Int32 = 0
}

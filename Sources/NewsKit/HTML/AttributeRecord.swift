/// One attribute: its interned name and a byte range of `text` holding the value.
@usableFromInline struct AttributeRecord: Sendable {
    @usableFromInline var name: UInt32
    @usableFromInline var namespace: HTMLAttributeNamespace
    @usableFromInline var valueStart: Int32
    @usableFromInline var valueEnd: Int32
}

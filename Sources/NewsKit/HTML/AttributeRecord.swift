/// One attribute: its interned name and a byte range of `text` holding the value.
package struct AttributeRecord {
    package internal(set) var name: UInt32
    package internal(set) var namespace: HTMLAttributeNamespace
    package internal(set) var valueStart: Int32
    package internal(set) var valueEnd: Int32
}

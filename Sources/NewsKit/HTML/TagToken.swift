/// A start or end tag as the tokenizer emits it. Buffers are reused from tag to tag.
struct TagToken {
    /// Lowercased tag name bytes.
    var name: [UInt8] = []
    var attributes: [TokenAttribute] = []
    /// Attribute names and values, back to back.
    var attributeBytes: [UInt8] = []
    var selfClosing = false
    var isEndTag = false

    func attributeName(_ a: TokenAttribute) -> ArraySlice<UInt8> { attributeBytes[Int(a.nameStart)..<Int(a.nameEnd)] }
    func attributeValue(_ a: TokenAttribute) -> ArraySlice<UInt8> { attributeBytes[Int(a.valueStart)..<Int(a.valueEnd)] }

    /// The value of the attribute with the given lowercase name, if present.
    func value(of name: String) -> ArraySlice<UInt8>? {
        let n = Array(name.utf8)
        for a in attributes where attributeName(a).elementsEqual(n) { return attributeValue(a) }
        return nil
    }
}

/// One attribute of a tag token: byte ranges into ``TagToken/attributeBytes``.
struct TokenAttribute {
    var nameStart: Int32
    var nameEnd: Int32
    var valueEnd: Int32
    var valueStart: Int32 { nameEnd }
}

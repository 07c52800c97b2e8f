/// A DOCTYPE token.
struct DoctypeToken {
    var name: [UInt8]? = nil
    var publicID: [UInt8]? = nil
    var systemID: [UInt8]? = nil
    var forceQuirks = false
}

/// DOCTYPE details, kept aside (a document has at most a handful).
struct DoctypeRecord: Sendable {
    var name: String
    var publicID: String?
    var systemID: String?
}

/// One HTTP header field.
public struct HTTPHeader: Sendable, Hashable, Codable {
    /// The field name as received or given; compare it case-insensitively.
    public var name: String
    /// The field value, as received.
    public var value: String
    /// Makes a header field.
    /// - Parameters:
    ///   - name: the field name, e.g. `"If-None-Match"`.
    ///   - value: the field value.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

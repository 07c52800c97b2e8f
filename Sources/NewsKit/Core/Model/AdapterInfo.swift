/// The adapter that produced an article, and its version.
public struct AdapterInfo: Sendable, Hashable, Codable {
    public var id: String
    public var version: String
    public init(id: String, version: String) {
        self.id = id
        self.version = version
    }
}

/// The adapter that produced an article, and its version.
public struct AdapterInfo: Sendable, Hashable, Codable {
    /// The adapter's ``SiteAdapter/id`` (`yonhap`, `generic`).
    public var id: String
    /// The adapter's ``SiteAdapter/version``, bumped whenever its output for the same page changes.
    public var version: String
    /// Makes the record of an adapter (``SiteAdapter/info`` makes it for an adapter).
    /// - Parameters:
    ///   - id: the adapter's id.
    ///   - version: the adapter's version.
    public init(id: String, version: String) {
        self.id = id
        self.version = version
    }
}

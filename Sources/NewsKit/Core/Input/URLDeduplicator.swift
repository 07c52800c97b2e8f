/// Keeps the first of each canonical URL seen in a run.
public struct URLDeduplicator: Sendable {
    private var seen = Set<String>()
    /// Makes a deduplicator that has seen nothing.
    public init() {}
    /// Whether the URL (in canonical form) is new; records it.
    /// - Parameter url: the URL; one that cannot be canonicalized is compared as written.
    /// - Returns: true the first time a canonical URL is seen, false after.
    public mutating func insert(_ url: String) -> Bool {
        seen.insert(URLCanonicalizer.canonical(url) ?? url).inserted
    }
    /// How many distinct URLs have been seen.
    public var count: Int { seen.count }
}

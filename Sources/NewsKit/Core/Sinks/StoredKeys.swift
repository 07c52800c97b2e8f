/// What a sink already holds from earlier runs, so a rerun can skip it.
public struct StoredKeys: Sendable, Hashable {
    /// The inputs stored articles came from: their ``Article/file``, ``Article/url`` and
    /// ``Article/canonicalURL``.
    public var inputs: Set<String> = []
    /// The stored articles' ids.
    public var ids: Set<String> = []
    /// Makes a set of stored keys.
    /// - Parameters:
    ///   - inputs: the files and URLs stored articles came from.
    ///   - ids: the stored articles' ids.
    public init(inputs: Set<String> = [], ids: Set<String> = []) { self.inputs = inputs; self.ids = ids }
}

/// A sink that can say what it already stores. A ``Pipeline`` run with `resume: true` skips
/// the inputs that every sink already stores, so a run killed (even with `kill -9`) and started
/// again with the same outputs loses nothing and duplicates nothing.
public protocol ResumableSink: ArticleSink {
    /// The inputs and ids of every article stored so far (including by earlier runs).
    /// - Returns: the keys; empty for a sink that stores nothing yet.
    /// - Throws: ``SinkError`` when the stored articles cannot be read; a resumed run then
    ///   skips nothing.
    func storedKeys() throws(SinkError) -> StoredKeys
    /// Calls `body` with every stored article, oldest first, where the sink keeps whole
    /// articles (a resumed run shows them to its ``StoryTracker``). Returns whether it could.
    /// - Parameter body: called once per stored article, in storage order.
    /// - Returns: true when the sink keeps whole articles and gave them all; false (the
    ///   default) when it keeps no whole articles, `body` then never being called.
    /// - Throws: ``SinkError`` when the stored articles cannot be read.
    func forEachStoredArticle(_ body: (Article) -> Void) throws(SinkError) -> Bool
}

extension ResumableSink {
    public func forEachStoredArticle(_ body: (Article) -> Void) throws(SinkError) -> Bool { false }
}

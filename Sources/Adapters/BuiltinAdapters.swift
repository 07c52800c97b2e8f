import NewsKitCore

/// The one list of built-in adapters, in priority order (the generic fallback last).
public enum BuiltinAdapters {
    /// Every built-in adapter, the site adapters first and ``GenericAdapter`` last.
    public static var all: [any SiteAdapter] {
        [
            YonhapRepostAdapter(),
            YonhapAdapter(),
            DongpoTodayAdapter(),
            EtodayAdapter(),
            FrontMatterAdapter(),
            AINewsDigestAdapter(),
            GenericAdapter(),
        ]
    }
}

extension AdapterRegistry {
    /// A registry of ``BuiltinAdapters/all``.
    public static var builtIn: AdapterRegistry {
        // The built-in ids are distinct (a test checks it), so this cannot throw; if an edit
        // broke that, the message names the id.
        do { return try AdapterRegistry(BuiltinAdapters.all) } catch { fatalError("NewsKitAdapters: \(error)") }
    }
}

extension ArticleReader {
    /// A reader over the built-in adapters: what `newskit-demo extract` uses.
    /// - Parameter enrichment: what to add after extraction; everything the demo adds by default.
    /// - Returns: the reader.
    /// - Throws: ``GazetteerError`` when standard enrichment cannot read the built-in gazetteer.
    public static func builtIn(enrichment: Enrichment = .standard) throws(GazetteerError) -> ArticleReader {
        try ArticleReader(registry: .builtIn, enrichment: enrichment)
    }
}

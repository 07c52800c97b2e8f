import Foundation

/// The adapters a run may use: a value built once and passed around, never a global.
///
/// ```swift
/// let registry = try AdapterRegistry([MySiteAdapter()] + BuiltinAdapters.all)
/// let article = try registry.extract(document)
/// ```
///
/// Selection asks every adapter for its confidence and takes the most confident (the first
/// listed wins a tie); the generic adapter answers every page with a low confidence.
public struct AdapterRegistry: Sendable {
    /// The adapters, in priority order.
    public let adapters: [any SiteAdapter]

    /// A registry that cannot be built: two adapters with the same id. Not an
    /// ``ExtractionError``: it concerns no page, and comes before any is read.
    public struct DuplicateAdapterError: Error, Sendable, Hashable, CustomStringConvertible {
        /// What went wrong, as a value to compare with (`error.code == .duplicateID`); new codes
        /// may be added without breaking callers.
        public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
            public let rawValue: String
            public init(rawValue: String) { self.rawValue = rawValue }
            public var description: String { rawValue }

            /// Two adapters share an id (``DuplicateAdapterError/id``).
            public static let duplicateID = Code(rawValue: "duplicateID")
        }

        /// What went wrong.
        public let code: Code
        /// The id the two adapters share.
        public let id: String
        public var description: String { "two adapters share the id \"\(id)\"" }

        init(_ code: Code, id: String) {
            self.code = code
            self.id = id
        }
    }

    /// Makes a registry of the given adapters, refusing duplicates.
    /// - Parameter adapters: the adapters in priority order: of two equally confident adapters,
    ///   the one listed first reads the page.
    /// - Throws: ``DuplicateAdapterError`` `duplicateID` when two adapters share an id (naming
    ///   the first repeated id).
    public init(_ adapters: [any SiteAdapter]) throws(DuplicateAdapterError) {
        var seen = Set<String>()
        for a in adapters {
            guard seen.insert(a.id).inserted else { throw DuplicateAdapterError(.duplicateID, id: a.id) }
        }
        self.adapters = adapters
    }

    /// The adapter with this id.
    /// - Parameter id: an adapter's ``SiteAdapter/id`` (`yonhap`).
    /// - Returns: the adapter; nil when none has this id.
    public func adapter(id: String) -> (any SiteAdapter)? { adapters.first { $0.id == id } }

    /// The most confident adapter for the document, or nil when none claims it.
    /// - Parameter document: the page to read.
    /// - Returns: the adapter with the highest ``Confidence`` above ``Confidence/none`` (the first
    ///   listed on a tie) and that confidence; nil when every adapter answers ``Confidence/none``.
    public func select(for document: Document) -> (adapter: any SiteAdapter, confidence: Confidence)? {
        var best: (any SiteAdapter, Confidence)? = nil
        for a in adapters {
            let c = a.confidence(for: document)
            if c > .none && c > (best?.1 ?? .none) { best = (a, c) }
        }
        return best
    }

    /// Extracts the article, with the chosen adapter or the one named.
    ///
    /// The article is finished with ``Article/complete(from:adapter:)`` (adapter, URL, file,
    /// language, id).
    /// - Parameters:
    ///   - document: the page to read.
    ///   - adapterID: the id of the adapter to use instead of choosing one; nil (the default)
    ///     chooses with ``select(for:)``.
    /// - Returns: the completed article.
    /// - Throws: ``ExtractionError`` (`unsupported` when no adapter claims the page or the named
    ///   one does not exist), or what the adapter threw (`notAnArticle`, `noContent` …).
    public func extract(_ document: Document, adapterID: String? = nil) throws(ExtractionError) -> Article {
        let adapter: any SiteAdapter
        if let adapterID {
            guard let a = self.adapter(id: adapterID) else {
                throw ExtractionError(.unsupported, input: document.page.name,
                                      "no adapter with id \"\(adapterID)\" in this registry (its ids: \(adapters.map(\.id).joined(separator: ", ")))")
            }
            adapter = a
        } else {
            guard let chosen = select(for: document) else {
                throw ExtractionError(.unsupported, input: document.page.name, "no adapter reads this page")
            }
            adapter = chosen.adapter
        }
        var article = try adapter.extract(document)
        article.complete(from: document, adapter: adapter.info)
        return article
    }
}

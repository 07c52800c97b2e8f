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

    /// Two adapters with the same id.
    public struct DuplicateAdapterError: Error, Sendable, CustomStringConvertible {
        public let id: String
        public var description: String { "two adapters share the id \"\(id)\"" }
    }

    /// - Throws: ``DuplicateAdapterError`` when two adapters share an id.
    public init(_ adapters: [any SiteAdapter]) throws(DuplicateAdapterError) {
        var seen = Set<String>()
        for a in adapters {
            guard seen.insert(a.id).inserted else { throw DuplicateAdapterError(id: a.id) }
        }
        self.adapters = adapters
    }

    /// The adapter with this id.
    public func adapter(id: String) -> (any SiteAdapter)? { adapters.first { $0.id == id } }

    /// The most confident adapter for the document, or nil when none claims it.
    public func select(for document: Document) -> (adapter: any SiteAdapter, confidence: Confidence)? {
        var best: (any SiteAdapter, Confidence)? = nil
        for a in adapters {
            let c = a.confidence(for: document)
            if c > .none && c > (best?.1 ?? .none) { best = (a, c) }
        }
        return best
    }

    /// Extracts the article, with the chosen adapter or the one named.
    /// - Throws: ``ExtractionError`` (`unsupported` when no adapter claims the page or the named
    ///   one does not exist).
    public func extract(_ document: Document, adapterID: String? = nil) throws(ExtractionError) -> Article {
        let adapter: any SiteAdapter
        if let adapterID {
            guard let a = self.adapter(id: adapterID) else {
                throw ExtractionError(.unsupported, input: document.page.name, "no adapter with id \"\(adapterID)\" (see `newskit-demo adapters`)")
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

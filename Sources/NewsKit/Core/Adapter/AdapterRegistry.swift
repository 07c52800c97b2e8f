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
        AdapterRegistry.finish(&article, document: document, adapter: adapter)
        return article
    }

    /// Fills what every article gets the same way: provenance, adapter, language, id.
    static func finish(_ article: inout Article, document: Document, adapter: any SiteAdapter) {
        article.adapter = adapter.info
        article.url = article.url ?? document.page.url?.absoluteString
        article.file = article.file ?? document.page.filePath
        if article.canonicalURL == nil, document.html != nil, let c = document.metadata.canonicalURL, !c.isEmpty {
            article.canonicalURL = AdapterRegistry.absolute(c, base: document.page.url)
        }
        if let c = article.canonicalURL { article.canonicalURL = URLCanonicalizer.canonical(c) ?? c }
        if article.language == nil { article.language = LanguageGuess.language(of: article.text) ?? document.metadata.language.map(LanguageGuess.primary) }
        if article.id.isEmpty {
            article.id = Article.makeID(canonicalURL: article.canonicalURL, source: article.source, title: article.title, text: article.text)
        }
        // A declaration the bytes overruled, or text with undecodable bytes, is said on the article.
        let decision = document.encoding
        if decision.source == .override {
            article.warnings.append("encoding: \(decision.reason); decoded as \(decision.encoding.rawValue)")
        } else if decision.replacements > 0 {
            article.warnings.append("encoding: \(decision.replacements) undecodable byte sequence(s) in \(decision.encoding.rawValue) became U+FFFD")
        }
        if article.body.isEmpty && !article.warnings.contains(where: { $0.hasPrefix("no article text") }) {
            article.warnings.append("no article text found")
        }
    }

    static func absolute(_ s: String, base: URL?) -> String {
        if let base, let u = URL(string: s, relativeTo: base) { return u.absoluteString }
        return s
    }
}

import Foundation

/// Reads pages into finished articles, exactly as `newskit-demo extract` does: the most
/// confident adapter reads the page, the article is completed (id, language, URLs), and, unless
/// asked not to, entities, event dates and story ids are added. Reading several pages with one
/// reader links their stories and duplicates, as one run of the demo does.
///
/// ```swift
/// import NewsKit
/// import NewsKitAdapters
///
/// let reader = try ArticleReader.builtIn()                    // enrichment on
/// let article = try reader.read(path: "Examples/seeds/000_902ba53e243bc19e.txt")
/// print(article.title ?? "", article.entities.count, article.storyID ?? "")
///
/// let plain = try ArticleReader.builtIn(enrichment: .none)    // extraction only
/// ```
public struct ArticleReader: Sendable {
    /// What is added to an article after extraction.
    public enum Enrichment: Sendable {
        /// Entities (the built-in gazetteer), event dates, and story and duplicate ids: what the demo adds.
        case standard
        /// Nothing: the article as its adapter read it, completed.
        case none
        /// These enrichers, and story ids when `stories` is true.
        case custom(enrichers: [any ArticleEnricher], stories: Bool)
    }

    /// The adapters that read pages.
    public let registry: AdapterRegistry
    /// What runs on each article after extraction, in order.
    public let enrichers: [any ArticleEnricher]
    /// Links stories and duplicates across the articles this reader reads; nil when off.
    public let stories: StoryTracker?
    /// Limits for decoding a page (size, a forced kind).
    public var documentOptions: DocumentOptions

    /// Makes a reader over a registry, with the enrichment asked for.
    /// - Parameters:
    ///   - registry: the adapters (``AdapterRegistry/builtIn`` in `NewsKitAdapters`, or your own list).
    ///   - enrichment: what to add after extraction; ``Enrichment/standard`` by default.
    ///   - documentOptions: limits for decoding pages.
    /// - Throws: ``GazetteerError`` when standard enrichment cannot read the built-in gazetteer.
    public init(registry: AdapterRegistry, enrichment: Enrichment = .standard,
                documentOptions: DocumentOptions = DocumentOptions()) throws(GazetteerError) {
        self.registry = registry
        self.documentOptions = documentOptions
        switch enrichment {
        case .standard:
            enrichers = ArticleReader.standardEnrichers(gazetteer: try Gazetteer.builtIn())
            stories = StoryTracker()
        case .none:
            enrichers = []
            stories = nil
        case .custom(let list, let tracksStories):
            enrichers = list
            stories = tracksStories ? StoryTracker() : nil
        }
    }

    /// The enrichers of ``Enrichment/standard``, with a gazetteer of your choice (the built-in one
    /// merged with your own entries, say): entities, then event dates.
    /// - Parameter gazetteer: the names the entity recognizer knows.
    /// - Returns: the enrichers, in the order they run.
    public static func standardEnrichers(gazetteer: Gazetteer) -> [any ArticleEnricher] {
        [EntityEnricher(recognizer: EntityRecognizer(gazetteer: gazetteer)), EventDateEnricher()]
    }

    /// Reads a page.
    /// - Parameters:
    ///   - page: the bytes and where they came from.
    ///   - adapterID: an adapter to use instead of the most confident one.
    /// - Returns: the finished article.
    /// - Throws: ``InputError`` when the page cannot be decoded (empty, binary, too large);
    ///   ``ExtractionError`` when no adapter reads it or it is not an article.
    public func read(_ page: Page, adapterID: String? = nil) throws -> Article {
        try read(try Document(page: page, options: documentOptions), adapterID: adapterID)
    }

    /// Reads a saved page (HTML, a text capture, a Markdown post with front matter).
    /// - Parameters:
    ///   - path: the file.
    ///   - url: the page's address, when known: a site adapter that matches by host then
    ///     recognizes a saved copy of its page.
    ///   - adapterID: an adapter to use instead of the most confident one.
    /// - Returns: the finished article.
    /// - Throws: ``InputError`` when the file cannot be read or decoded; ``ExtractionError``
    ///   when no adapter reads it or it is not an article.
    public func read(path: String, url: URL? = nil, adapterID: String? = nil) throws -> Article {
        var page = try Page.read(path: path, maximumBytes: documentOptions.maximumBytes)
        if let url { page.requestedURL = url }
        return try read(page, adapterID: adapterID)
    }

    /// Reads a decoded page.
    /// - Parameters:
    ///   - document: the page, decoded.
    ///   - adapterID: an adapter to use instead of the most confident one.
    /// - Returns: the finished article.
    /// - Throws: ``ExtractionError`` when no adapter reads it or it is not an article.
    public func read(_ document: Document, adapterID: String? = nil) throws(ExtractionError) -> Article {
        var article = try extract(document, adapterID: adapterID)
        stories?.assign(&article)
        return article
    }

    /// Extraction and the per-article enrichers, without story ids (which the ``Pipeline``
    /// assigns in delivery order): the step every way of reading a page shares.
    package func extract(_ document: Document, adapterID: String?) throws(ExtractionError) -> Article {
        try ArticleReader.extract(document, registry: registry, enrichers: enrichers, adapterID: adapterID)
    }

    package static func extract(_ document: Document, registry: AdapterRegistry, enrichers: [any ArticleEnricher],
                                adapterID: String?) throws(ExtractionError) -> Article {
        var article = try registry.extract(document, adapterID: adapterID)
        enrichers.enrich(&article)
        return article
    }
}

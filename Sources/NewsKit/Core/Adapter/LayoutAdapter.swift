/// A site adapter made of declarations: the site's source, its layouts (each with its field
/// readers), and how its bodies are assembled. Its ``SiteAdapter/extract(_:)`` is given: the
/// first layout that accepts the page reads it field by field, each field falling back to the
/// generic reading on its own; a page in none of the layouts is read the generic way, with a
/// warning, so a site that changes its markup never loses its articles.
///
/// ```swift
/// public struct ExampleDailyAdapter: LayoutAdapter {
///     public let id = "example-daily"
///     public let version = "1"
///     public let summary = "예시일보 (example-daily.kr) articles"
///     public let hosts = ["example-daily.kr"]
///     public let layouts = [
///         ArticleLayout(name: "example-daily.kr markup", reads: ArticleLayout.has("div.article-body"),
///                       headline: .text(of: "h1.headline"), dates: .dates(in: "span.published"),
///                       content: .container("div.article-body")),
///     ]
///     public init() {}
///     public func source(for document: Document) -> Source {
///         Source(id: "example-daily.kr", name: "예시일보", homepage: "https://example-daily.kr", kind: .newspaper)
///     }
///     public func confidence(for document: Document) -> Confidence { matchesHost(document) ? .certain : .none }
/// }
/// ```
///
/// Implementation requirements: as for ``SiteAdapter``; field readers, too, do no I/O and read
/// no clock.
public protocol LayoutAdapter: SiteAdapter {
    /// The site's layouts, the current one first; the first that accepts a page reads it.
    var layouts: [ArticleLayout] { get }
    /// Site names whose `[name]` lead tag opens paragraphs and teasers; none by default.
    var leadTags: [String] { get }
    /// Whether the first paragraphs may carry a dateline (`(서울=연합뉴스) … 기자 =`); true by default.
    var readsDateline: Bool { get }
    /// The source stamped on the page's articles; by default the one read from the page.
    /// - Parameter document: the page.
    /// - Returns: the source.
    func source(for document: Document) -> Source
    /// Why a page of the site is not an article (a section front, a list), known from the site's
    /// own conventions such as its article URLs; nil (the default) for every other page. Only
    /// such knowledge refuses a page: a page in none of the layouts is still read.
    /// - Parameter document: the page.
    /// - Returns: the reason, or nil.
    func nonArticleReason(for document: Document) -> String?
    /// A last step over an article the kit read, for a rule of the site that belongs to no
    /// single field (nothing by default).
    /// - Parameters:
    ///   - article: the article, to change in place.
    ///   - document: the page it was read from.
    ///   - assembled: what the shared rules made of the layout's content (its e-mail lines
    ///     among them), or nil when the page was read the generic way.
    func finish(_ article: inout Article, document: Document, assembled: BlockAssembler.Result?)
}

extension LayoutAdapter {
    /// No lead tags.
    public var leadTags: [String] { [] }
    /// Datelines are read.
    public var readsDateline: Bool { true }
    /// The source read from the page (its host and site name).
    /// - Parameter document: the page.
    /// - Returns: ``GenericExtractor/source(for:)`` of the page.
    public func source(for document: Document) -> Source { GenericExtractor.source(for: document) }
    /// No page is known not to be an article.
    /// - Parameter document: the page.
    /// - Returns: nil, always.
    public func nonArticleReason(for document: Document) -> String? { nil }
    /// Nothing more: the article is left as it is.
    /// - Parameters:
    ///   - article: the article, unchanged.
    ///   - document: the page it was read from.
    ///   - assembled: what the shared rules made of the layout's content, or nil.
    public func finish(_ article: inout Article, document: Document, assembled: BlockAssembler.Result?) {}

    /// Reads the page with the first layout that accepts it, or the generic way (with a warning)
    /// when none does.
    /// - Parameter document: the page.
    /// - Returns: the article.
    /// - Throws: ``ExtractionError`` `notAnArticle` when ``nonArticleReason(for:)`` gives a
    ///   reason, `noContent` when neither the layout nor the generic reading finds article text,
    ///   or what the generic reading throws for a page in no known layout.
    public func extract(_ document: Document) throws(ExtractionError) -> Article {
        if let reason = nonArticleReason(for: document) {
            throw ExtractionError(.notAnArticle, input: document.page.name, adapter: id, reason)
        }
        guard let layout = layouts.first(where: { $0.accepts(document) }) else {
            var article = try GenericExtractor().extract(document, source: source(for: document), adapter: info)
            let names = layouts.map(\.name).joined(separator: ", ")
            article.warnings.append("\(id): the page is in none of the site's layouts (\(names)); read the generic way")
            finish(&article, document: document, assembled: nil)
            article.complete(from: document, adapter: info)
            return article
        }
        return try read(document, with: layout)
    }

    /// Reads the page with one layout, field by field.
    /// - Parameters:
    ///   - document: the page.
    ///   - layout: the layout to read it with.
    /// - Returns: the article.
    /// - Throws: ``ExtractionError`` `noContent` when neither the layout's content nor the
    ///   generic reading of the page holds article text.
    public func read(_ document: Document, with layout: ArticleLayout) throws(ExtractionError) -> Article {
        var reading = LayoutReading(document: document, layout: layout)
        let source = source(for: document)
        let siteNames = [source.name, document.metadata.siteName].compactMap { $0 }
        let headline = reading.field(layout.headline, "headline") { GenericFields.headline(document, siteNames: siteNames) }
        let split = headline.map(Headlines.splitKicker)
        let subtitles = reading.field(layout.subtitles, "subtitles") { nil } ?? []
        let summary = reading.field(layout.summary, "summary") { document.metadata.description }
        // Each of the two dates falls back on its own (a site line may give only the first).
        var dates = reading.field(layout.dates, "dates") { nil } ?? PublicationDates()
        if (dates.published == nil || dates.updated == nil) && layout.dates?.fallsBack != false {
            let generic = GenericFields.dates(document)
            dates.published = dates.published ?? generic.published
            dates.updated = dates.updated ?? generic.updated
        }
        let assembler = BlockAssembler(leadTags: leadTags, readsDateline: readsDateline, baseURL: document.baseURL)
        // A page's content area often repeats its headline and deck lines (a capture's lines after
        // its header do not).
        let repeats = document.html == nil ? [] : Set([headline, split?.title].compactMap { $0 } + subtitles)
        func repeated(_ block: Block) -> Bool {
            block.role != .image && !block.text.isEmpty && (repeats.contains(block.text) || block.text.split(separator: "\n").allSatisfy { repeats.contains(String($0)) })
        }
        func assemble(_ blocks: [Block]) -> BlockAssembler.Result {
            assembler.assemble(repeats.isEmpty ? blocks : blocks.filter { !repeated($0) })
        }
        var result = assemble(reading.field(layout.content, "content") { GenericFields.content(document) } ?? [])
        if result.body.isEmpty, layout.content != nil {
            // The layout's container holds no text here: the page's main content instead.
            result = assemble(GenericFields.content(document))
            if !result.body.isEmpty { reading.warnings.append("content: the \(layout.name) container holds no text; read the generic way") }
        }
        guard !result.body.isEmpty else {
            throw ExtractionError(.noContent, input: document.page.name, adapter: id, "no article text found (layout \(layout.name))")
        }
        var authors = result.authors
        if let named = reading.field(layout.authors, "authors", generic: { nil }) {
            for a in named where !authors.contains(where: { $0.name == a.name }) { authors.append(a) }
        } else if layout.authors?.fallsBack != false {
            authors = GenericFields.authors(document, adding: authors, siteNames: siteNames)
        }
        var images = result.images
        if images.isEmpty, let og = document.metadata.images.first {
            images.append(ArticleImage(url: og.resolved(against: document.page.url)))
        }
        let title = split?.title
        var article = Article(source: source, adapter: info, kicker: split?.kicker, title: title?.isEmpty == true ? nil : title,
                              subtitles: subtitles, summary: summary, body: result.body, authors: authors,
                              dateline: result.dateline, agency: result.agency, publishedAt: dates.published,
                              updatedAt: dates.updated, images: images,
                              categories: reading.field(layout.categories, "categories") { document.metadata.sections } ?? [],
                              tags: reading.field(layout.tags, "tags") { document.metadata.keywords } ?? [],
                              related: result.related, warnings: result.warnings + reading.warnings)
        finish(&article, document: document, assembled: result)
        article.complete(from: document, adapter: info)
        return article
    }
}

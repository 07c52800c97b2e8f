/// One layout of a site's article pages: which pages it reads, and a reader per field.
///
/// A field without a reader (nil) is read the generic way (``GenericFields``), so a layout
/// declares only what the site does differently. A site that changes its markup keeps the old
/// layout beside the new one, each saying which pages it reads:
///
/// ```swift
/// static let layouts = [
///     ArticleLayout(name: "2025 markup", reads: ArticleLayout.has(".article-body"),
///                   headline: .text(of: "h1.headline"), dates: .dates(in: ".published"),
///                   content: .container(".article-body")),
///     ArticleLayout(name: "2019 markup", validUntil: Instant(iso8601: "2025-03-31T23:59:59+09:00"),
///                   reads: ArticleLayout.has("#articleBody"), content: .container("#articleBody")),
/// ]
/// ```
public struct ArticleLayout: Sendable {
    /// A name for warnings and for `newskit-demo adapters` (`etoday.co.kr markup`, `text capture`).
    public var name: String
    /// The last moment the site published pages in this layout, when it has moved on: a page
    /// that declares a later publication time is not read with it. Nil while the layout is current.
    public var validUntil: Instant?
    /// Whether the page is in this layout (its story container is present, or a capture's header
    /// lines are).
    public var reads: @Sendable (Document) -> Bool
    /// The headline as shown, kicker included (`[단독] …`); the kit splits off the kicker.
    public var headline: FieldReader<String>?
    /// Deck lines under the headline; the body leaves them out.
    public var subtitles: FieldReader<[String]>?
    /// A summary the page gives.
    public var summary: FieldReader<String>?
    /// When the page published the article and last updated it.
    public var dates: FieldReader<PublicationDates>?
    /// Reporters named outside the body (an info bar), added to the body's bylines.
    public var authors: FieldReader<[Author]>?
    /// The blocks the body is assembled from (the story container, or a capture's lines after its header).
    public var content: FieldReader<[Block]>?
    /// The site's sections for the article.
    public var categories: FieldReader<[String]>?
    /// The article's keywords.
    public var tags: FieldReader<[String]>?

    /// Makes a layout from its test and its field readers; every reader left nil reads its field
    /// the generic way.
    /// - Parameters:
    ///   - name: a name for warnings.
    ///   - validUntil: the last publication time of pages in this layout; nil while it is current.
    ///   - reads: whether a page is in this layout.
    ///   - headline: the headline reader; nil reads it the generic way.
    ///   - subtitles: the deck-lines reader.
    ///   - summary: the summary reader.
    ///   - dates: the dates reader.
    ///   - authors: the reader of reporters named outside the body.
    ///   - content: the reader of the blocks the body is made of.
    ///   - categories: the sections reader.
    ///   - tags: the keywords reader.
    public init(name: String, validUntil: Instant? = nil, reads: @escaping @Sendable (Document) -> Bool,
                headline: FieldReader<String>? = nil, subtitles: FieldReader<[String]>? = nil,
                summary: FieldReader<String>? = nil, dates: FieldReader<PublicationDates>? = nil,
                authors: FieldReader<[Author]>? = nil, content: FieldReader<[Block]>? = nil,
                categories: FieldReader<[String]>? = nil, tags: FieldReader<[String]>? = nil) {
        self.name = name
        self.validUntil = validUntil
        self.reads = reads
        self.headline = headline
        self.subtitles = subtitles
        self.summary = summary
        self.dates = dates
        self.authors = authors
        self.content = content
        self.categories = categories
        self.tags = tags
    }

    /// Whether this layout reads the page: it is in the layout, and it was published (as its
    /// metadata declares) no later than ``validUntil``.
    /// - Parameter document: the page.
    /// - Returns: true when this layout should read it.
    public func accepts(_ document: Document) -> Bool {
        if let validUntil, let published = document.metadata.published, published > validUntil { return false }
        return reads(document)
    }

    /// A `reads` test: the page is HTML and `css` matches an element of it.
    /// - Parameter css: a selector list (an invalid one matches nothing).
    /// - Returns: the test.
    public static func has(_ css: String) -> @Sendable (Document) -> Bool {
        let selector = LayoutSelectorError.parse(css)
        return { document in ((try? selector.first(in: document)) ?? nil) != nil }
    }
}

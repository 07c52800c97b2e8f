import Foundation

/// A news article read from one page: the library's main value.
///
/// What each field means is defined once, in `docs/article-fields.md`. The JSON form (see
/// ``jsonData(pretty:)``) is part of the public contract: keys sorted, UTF-8 with Hangul
/// unescaped, instants as ISO-8601 with their offset, absent values `null` or `[]`.
public struct Article: Sendable, Hashable, Codable {
    /// A stable id: derived from the canonical URL when there is one, else from the source,
    /// the title and the body (see ``Article/makeID(canonicalURL:source:title:text:)``).
    public var id: String
    /// The URL the page was fetched from (the final one, after redirects; ``Page/url``), or the
    /// one a saved page was given (``SavedPageURL``).
    public var url: URL?
    /// The page's own canonical URL (`<link rel=canonical>`, `og:url`, JSON-LD `url`), as the
    /// page writes it, made absolute against ``url``: a page's own text, kept as written even
    /// where it is not a well-formed URL.
    public var canonicalURL: String?
    /// The URL to show or link to: ``canonicalURL`` when the page names one, else ``url``.
    public var preferredURL: String? { canonicalURL ?? url?.absoluteString }
    /// The local file the page was read from.
    public var file: String?
    /// The site the page came from: its id (the domain when known, else a word for the kind of
    /// site such as `board`), its name, home page and kind.
    public var source: Source
    /// The original, when the page reproduces another outlet's article.
    public var origin: Origin?
    /// The adapter that produced the article.
    public var adapter: AdapterInfo
    /// A label in front of (or, in Yonhap's style, after) the headline: `종합`, `단독`, `속보`.
    public var kicker: String?
    /// The headline and nothing else, or nil when the page shows none.
    public var title: String?
    /// Deck lines under the headline.
    public var subtitles: [String]
    /// A summary the page itself gives (front-matter excerpt, description, a digest's lede).
    public var summary: String?
    /// The article body in reading order.
    public var body: [BodyBlock]
    /// The people the byline credits, in order, each with the role written after the name
    /// (`기자`, `특파원`) and an e-mail when the page gives one; empty when the page credits no one.
    public var authors: [Author]
    /// The place line of a dateline: `모스크바·서울` from `(모스크바·서울=연합뉴스)`.
    public var dateline: String?
    /// The agency of a dateline: `연합뉴스` from `(모스크바·서울=연합뉴스)`.
    public var agency: String?
    /// When this page published the article (for a board repost: when it was posted there).
    public var publishedAt: Instant?
    /// When this page last updated it.
    public var updatedAt: Instant?
    /// The article's photos with their captions and credits (``ArticleImage/url`` is nil in text captures).
    public var images: [ArticleImage]
    /// Sections as the page gives them (breadcrumbs, front matter, `article:section`); empty when none.
    public var categories: [String]
    /// Tags and keywords as the page gives them (front matter, keywords); empty when none.
    public var tags: [String]
    /// Teasers from related-article blocks.
    public var related: [Teaser]
    /// Named entities (filled by an ``EntityEnricher``; empty until then).
    public var entities: [Entity]
    /// Event dates resolved from relative day references (filled by an enricher).
    public var eventDates: [EventDate]
    /// The id of an earlier article in the same run with (nearly) the same text.
    public var duplicateOf: String?
    /// Articles about the same event share a story id (filled by the story enricher).
    public var storyID: String?
    /// A BCP 47 language tag (`ko`).
    public var language: String?
    /// Notes for people on anything guessed or missing.
    public var warnings: [String]
    /// What kind of page it was read from: ``PageKind/article`` unless the extractor found only
    /// what a thin or an index page states (see ``ExtractionError/page``).
    public var pageKind: PageKind

    /// Makes an article from its fields; every field but `source` has an empty default
    /// (nil, `[]`, or an empty id and adapter), so an adapter sets only what the page shows.
    ///
    /// What each field means is defined in `docs/article-fields.md` and on the properties.
    /// ``complete(from:adapter:)`` fills the adapter, URL, file, language and id afterwards.
    /// - Parameters:
    ///   - id: the stable id; empty (the default) until ``complete(from:adapter:)`` derives it
    ///     with ``makeID(canonicalURL:source:title:text:)``.
    ///   - url: the URL the page was fetched from; nil when unknown (``complete(from:adapter:)``
    ///     takes the page's).
    ///   - canonicalURL: the page's own canonical URL; nil when it gives none.
    ///   - file: the local file the page was read from; nil when it was not read from a file.
    ///   - source: the site the page came from.
    ///   - origin: the original article, for a page that reproduces another outlet's; nil otherwise.
    ///   - adapter: the adapter that read the page; empty until ``complete(from:adapter:)`` sets it.
    ///   - kicker: the label beside the headline, without brackets (`종합`); nil when none.
    ///   - title: the headline alone; nil when the page shows none.
    ///   - subtitles: the deck lines under the headline, in order.
    ///   - summary: a summary the page itself gives; nil when none.
    ///   - body: the article text as blocks, in reading order.
    ///   - authors: the people the byline credits, in order.
    ///   - dateline: the place of a dateline (`모스크바·서울`); nil when none.
    ///   - agency: the agency of a dateline (`연합뉴스`); nil when none.
    ///   - publishedAt: when this page published the article, with its UTC offset; nil when the page does not say.
    ///   - updatedAt: when this page last updated it, with its UTC offset; nil when the page does not say.
    ///   - images: the article's photos.
    ///   - categories: sections as the page gives them.
    ///   - tags: tags and keywords as the page gives them.
    ///   - related: teasers from related-article blocks.
    ///   - entities: named entities; empty until an ``EntityEnricher`` fills them.
    ///   - eventDates: resolved day references; empty until an ``EventDateEnricher`` fills them.
    ///   - duplicateOf: the id of an earlier article of the run with (nearly) the same text; nil when none.
    ///   - storyID: the story the article belongs to; nil until a ``StoryTracker`` sets it.
    ///   - language: a BCP 47 tag (`ko`); nil lets ``complete(from:adapter:)`` guess it.
    ///   - warnings: notes for people on anything guessed or missing.
    ///   - pageKind: what kind of page it was read from.
    public init(id: String = "", url: URL? = nil, canonicalURL: String? = nil, file: String? = nil, source: Source,
                origin: Origin? = nil, adapter: AdapterInfo = AdapterInfo(id: "", version: ""), kicker: String? = nil, title: String? = nil,
                subtitles: [String] = [], summary: String? = nil, body: [BodyBlock] = [], authors: [Author] = [],
                dateline: String? = nil, agency: String? = nil, publishedAt: Instant? = nil, updatedAt: Instant? = nil,
                images: [ArticleImage] = [], categories: [String] = [], tags: [String] = [], related: [Teaser] = [],
                entities: [Entity] = [], eventDates: [EventDate] = [], duplicateOf: String? = nil, storyID: String? = nil,
                language: String? = nil, warnings: [String] = [], pageKind: PageKind = .article) {
        self.id = id
        self.url = url
        self.canonicalURL = canonicalURL
        self.file = file
        self.source = source
        self.origin = origin
        self.adapter = adapter
        self.kicker = kicker
        self.title = title
        self.subtitles = subtitles
        self.summary = summary
        self.body = body
        self.authors = authors
        self.dateline = dateline
        self.agency = agency
        self.publishedAt = publishedAt
        self.updatedAt = updatedAt
        self.images = images
        self.categories = categories
        self.tags = tags
        self.related = related
        self.entities = entities
        self.eventDates = eventDates
        self.duplicateOf = duplicateOf
        self.storyID = storyID
        self.language = language
        self.warnings = warnings
        self.pageKind = pageKind
    }

    /// The body as plain text: blocks joined by a blank line.
    public var text: String { body.map(\.text).joined(separator: "\n\n") }

    /// Derives a stable id: 24 hex digits of SHA-256 over the canonical URL when there is one,
    /// else over the source id, the title and the text.
    /// - Parameters:
    ///   - canonicalURL: the article's canonical URL; nil to derive the id from the content.
    ///   - source: the site, whose ``Source/id`` enters a content-derived id.
    ///   - title: the headline; nil counts as an empty title.
    ///   - text: the body as plain text (``text``).
    /// - Returns: 24 lowercase hex digits; the same inputs always give the same id.
    public static func makeID(canonicalURL: String?, source: Source, title: String?, text: String) -> String {
        let key = canonicalURL.map { "url\u{1F}" + $0 } ?? "content\u{1F}\(source.id)\u{1F}\(title ?? "")\u{1F}\(text)"
        return String(SHA256.hex(Array(key.utf8)).prefix(24))
    }

    // MARK: JSON

    /// The article's JSON: sorted keys, Hangul unescaped, slashes unescaped.
    /// - Parameter pretty: true for indented JSON on several lines; false (the default) for one
    ///   compact line, the same text as ``jsonLine``.
    /// - Returns: the JSON as UTF-8 bytes, every key present (absent values `null` or `[]`).
    public func jsonData(pretty: Bool = false) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain values cannot fail.
        return (try? encoder.encode(self)) ?? Data("{}".utf8)
    }

    /// The article as one line of JSON (for JSON Lines): the same text as ``jsonData(pretty:)``
    /// without `pretty`, written directly rather than through `JSONEncoder`.
    public var jsonLine: String { String(decoding: jsonBytes, as: UTF8.self) }

    enum CodingKeys: String, CodingKey {
        case id, url, canonicalURL, file, source, origin, adapter, kicker, title, subtitles, summary, body, text,
             authors, dateline, agency, publishedAt, updatedAt, images, categories, tags, related, entities,
             eventDates, duplicateOf, storyID, language, warnings, pageKind
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encodeOrNull(url?.absoluteString, forKey: .url)
        try c.encodeOrNull(canonicalURL, forKey: .canonicalURL)
        try c.encodeOrNull(file, forKey: .file)
        try c.encode(source, forKey: .source)
        try c.encodeOrNull(origin, forKey: .origin)
        try c.encode(adapter, forKey: .adapter)
        try c.encodeOrNull(kicker, forKey: .kicker)
        try c.encodeOrNull(title, forKey: .title)
        try c.encode(subtitles, forKey: .subtitles)
        try c.encodeOrNull(summary, forKey: .summary)
        try c.encode(body, forKey: .body)
        try c.encode(text, forKey: .text)
        try c.encode(authors, forKey: .authors)
        try c.encodeOrNull(dateline, forKey: .dateline)
        try c.encodeOrNull(agency, forKey: .agency)
        try c.encodeOrNull(publishedAt, forKey: .publishedAt)
        try c.encodeOrNull(updatedAt, forKey: .updatedAt)
        try c.encode(images, forKey: .images)
        try c.encode(categories, forKey: .categories)
        try c.encode(tags, forKey: .tags)
        try c.encode(related, forKey: .related)
        try c.encode(entities, forKey: .entities)
        try c.encode(eventDates, forKey: .eventDates)
        try c.encodeOrNull(duplicateOf, forKey: .duplicateOf)
        try c.encodeOrNull(storyID, forKey: .storyID)
        try c.encodeOrNull(language, forKey: .language)
        try c.encode(warnings, forKey: .warnings)
        try c.encode(pageKind, forKey: .pageKind)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        url = try c.decodeIfPresent(String.self, forKey: .url).flatMap { URL(string: $0) }
        canonicalURL = try c.decodeIfPresent(String.self, forKey: .canonicalURL)
        file = try c.decodeIfPresent(String.self, forKey: .file)
        source = try c.decode(Source.self, forKey: .source)
        origin = try c.decodeIfPresent(Origin.self, forKey: .origin)
        adapter = try c.decode(AdapterInfo.self, forKey: .adapter)
        kicker = try c.decodeIfPresent(String.self, forKey: .kicker)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        subtitles = try c.decodeIfPresent([String].self, forKey: .subtitles) ?? []
        summary = try c.decodeIfPresent(String.self, forKey: .summary)
        body = try c.decodeIfPresent([BodyBlock].self, forKey: .body) ?? []
        authors = try c.decodeIfPresent([Author].self, forKey: .authors) ?? []
        dateline = try c.decodeIfPresent(String.self, forKey: .dateline)
        agency = try c.decodeIfPresent(String.self, forKey: .agency)
        publishedAt = try c.decodeIfPresent(Instant.self, forKey: .publishedAt)
        updatedAt = try c.decodeIfPresent(Instant.self, forKey: .updatedAt)
        images = try c.decodeIfPresent([ArticleImage].self, forKey: .images) ?? []
        categories = try c.decodeIfPresent([String].self, forKey: .categories) ?? []
        tags = try c.decodeIfPresent([String].self, forKey: .tags) ?? []
        related = try c.decodeIfPresent([Teaser].self, forKey: .related) ?? []
        entities = try c.decodeIfPresent([Entity].self, forKey: .entities) ?? []
        eventDates = try c.decodeIfPresent([EventDate].self, forKey: .eventDates) ?? []
        duplicateOf = try c.decodeIfPresent(String.self, forKey: .duplicateOf)
        storyID = try c.decodeIfPresent(String.self, forKey: .storyID)
        language = try c.decodeIfPresent(String.self, forKey: .language)
        warnings = try c.decodeIfPresent([String].self, forKey: .warnings) ?? []
        pageKind = try c.decodeIfPresent(PageKind.self, forKey: .pageKind) ?? .article
    }
}

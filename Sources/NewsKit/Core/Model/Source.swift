/// The site a page came from.
public struct Source: Sendable, Hashable, Codable {
    /// What kind of outlet the site is.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A news agency, whose stories other outlets carry (연합뉴스, 뉴스1, 뉴시스).
        case newsAgency
        /// A newspaper or online news site.
        case newspaper
        /// A television or radio broadcaster's news site.
        case broadcaster
        /// A bulletin board or community site, where users post (and repost) articles.
        case board
        /// A blog, such as a front-matter post.
        case blog
        /// A site that collects or digests other outlets' articles.
        case aggregator
    }

    /// A stable identifier: the site's domain when known (`yna.co.kr`), else a name for the
    /// kind of site (`board`, `blog`) chosen by the adapter.
    public var id: String
    /// The site's name as it presents itself (`연합뉴스`), or nil when the page does not show it.
    public var name: String?
    /// The site's home page.
    public var homepage: String?
    /// What kind of outlet the site is.
    public var kind: Kind

    /// Makes a source from its fields.
    /// - Parameters:
    ///   - id: the stable identifier: the domain when known (`yna.co.kr`).
    ///   - name: the site's name; nil when the page does not show it.
    ///   - homepage: the site's home page URL; nil when unknown.
    ///   - kind: what kind of outlet it is.
    public init(id: String, name: String?, homepage: String?, kind: Kind) {
        self.id = id
        self.name = name
        self.homepage = homepage
        self.kind = kind
    }

    enum CodingKeys: String, CodingKey { case id, name, homepage, kind }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encodeOrNull(name, forKey: .name)
        try c.encodeOrNull(homepage, forKey: .homepage)
        try c.encode(kind, forKey: .kind)
    }
}

/// The original of a page that reproduces another outlet's article (a Yonhap story reposted
/// on a bulletin board).
public struct Origin: Sendable, Hashable, Codable {
    /// The original outlet (`연합뉴스`).
    public var name: String
    /// The original headline, kicker apart.
    public var title: String?
    /// When the original was published (Yonhap's 송고 time).
    public var publishedAt: Instant?
    /// Where the original lives, when the page says.
    public var url: String?
    /// The ``Article/id`` of the original when it was extracted in the same run (filled by the
    /// story enricher).
    public var articleID: String?

    /// Makes an origin from what the repost says of its original.
    /// - Parameters:
    ///   - name: the original outlet.
    ///   - title: the original headline; nil when not given.
    ///   - publishedAt: when the original was published, with its offset; nil when not given.
    ///   - url: the original's URL; nil when not given.
    ///   - articleID: the original's ``Article/id``; nil until a ``StoryTracker`` links it.
    public init(name: String, title: String? = nil, publishedAt: Instant? = nil, url: String? = nil, articleID: String? = nil) {
        self.name = name
        self.title = title
        self.publishedAt = publishedAt
        self.url = url
        self.articleID = articleID
    }

    enum CodingKeys: String, CodingKey { case name, title, publishedAt, url, articleID }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encodeOrNull(title, forKey: .title)
        try c.encodeOrNull(publishedAt, forKey: .publishedAt)
        try c.encodeOrNull(url, forKey: .url)
        try c.encodeOrNull(articleID, forKey: .articleID)
    }
}

extension KeyedEncodingContainer {
    /// Encodes the value, or an explicit `null` when it is absent (the JSON contract never omits keys).
    mutating func encodeOrNull<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
}

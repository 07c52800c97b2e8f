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

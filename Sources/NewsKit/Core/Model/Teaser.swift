/// A teaser from a related-article block.
public struct Teaser: Sendable, Hashable, Codable {
    /// The teased article's headline (the link text); nil for a teaser that shows only a summary.
    public var title: String?
    /// The teaser's summary line; nil when it shows none.
    public var summary: String?
    /// The teased article's URL (absolute when the page URL is known); nil when the teaser is
    /// not a link (text captures).
    public var url: String?
    /// The heading of the block it came from (`BEST 뉴스`, `관련 기사`).
    public var section: String?
    /// Makes a teaser.
    /// - Parameters:
    ///   - title: the teased headline; nil when not shown.
    ///   - summary: the teaser's summary; nil when not shown.
    ///   - url: the teased article's URL; nil when the teaser is not a link.
    ///   - section: the heading of the block it came from; nil when the block has none.
    public init(title: String? = nil, summary: String? = nil, url: String? = nil, section: String? = nil) {
        self.title = title
        self.summary = summary
        self.url = url
        self.section = section
    }

    enum CodingKeys: String, CodingKey { case title, summary, url, section }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeOrNull(title, forKey: .title)
        try c.encodeOrNull(summary, forKey: .summary)
        try c.encodeOrNull(url, forKey: .url)
        try c.encodeOrNull(section, forKey: .section)
    }
}

/// A teaser from a related-article block.
public struct Teaser: Sendable, Hashable, Codable {
    public var title: String?
    public var summary: String?
    public var url: String?
    /// The heading of the block it came from (`BEST 뉴스`, `관련 기사`).
    public var section: String?
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

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

/// A photo of the article.
public struct ArticleImage: Sendable, Hashable, Codable {
    /// Where the image is (absolute when the page URL is known; nil in text captures).
    public var url: String?
    /// The text under the photo, without its credit, dateline or usage notice.
    public var caption: String?
    /// Whose photo it is: `로이터연합뉴스`, `조선중앙통신`.
    public var credit: String?
    /// The photo's own headline line, where the page shows one (Yonhap photo titles).
    public var title: String?
    /// Makes an image.
    /// - Parameters:
    ///   - url: where the image is; nil when unknown (text captures).
    ///   - caption: the text under the photo, without its credit; nil when there is none.
    ///   - credit: whose photo it is; nil when not given.
    ///   - title: the photo's own headline line; nil when the page shows none.
    public init(url: String? = nil, caption: String? = nil, credit: String? = nil, title: String? = nil) {
        self.url = url
        self.caption = caption
        self.credit = credit
        self.title = title
    }

    enum CodingKeys: String, CodingKey { case url, caption, credit, title }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeOrNull(url, forKey: .url)
        try c.encodeOrNull(caption, forKey: .caption)
        try c.encodeOrNull(credit, forKey: .credit)
        try c.encodeOrNull(title, forKey: .title)
    }
}

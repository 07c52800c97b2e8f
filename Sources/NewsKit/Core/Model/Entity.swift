/// A named entity mentioned in an article: a person, an organization or a place.
public struct Entity: Sendable, Hashable, Codable {
    /// What sort of thing an entity is; its raw value is the JSON `type`.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A person: `블라디미르 푸틴`, a reporter of the byline.
        case person
        /// An organization: a government body, a party, a company, a news agency (`조선중앙통신`).
        case organization
        /// A place: a country, a city, a region, a base.
        case place
    }

    /// A mention's position: UTF-16-independent character offsets into ``Article/text``
    /// (counted in Unicode scalars), end exclusive.
    public struct Span: Sendable, Hashable, Codable {
        /// The offset of the mention's first scalar, from 0.
        public var start: Int
        /// The offset just after the mention's last scalar.
        public var end: Int
        /// Makes a span from its offsets.
        /// - Parameters:
        ///   - start: the offset of the first scalar, from 0.
        ///   - end: the offset just after the last scalar (end exclusive).
        public init(start: Int, end: Int) { self.start = start; self.end = end }
    }

    /// The canonical name, in full as Korean media write it (`블라디미르 푸틴`, `조선중앙통신`).
    public var name: String
    /// Whether the entity is a person, an organization or a place.
    public var type: Kind
    /// How many times the article mentions the entity, under any of its names.
    public var mentions: Int
    /// Other names the article used for it (`푸틴`, `KCNA`).
    public var aliases: [String]
    /// The English name, where known (`Vladimir Putin`).
    public var englishName: String?
    /// The Wikidata id, where known (`Q7747`).
    public var wikidata: String?
    /// Where the mentions are.
    public var spans: [Span]

    /// Makes an entity from its fields.
    /// - Parameters:
    ///   - name: the canonical name.
    ///   - type: person, organization or place.
    ///   - mentions: how many times the article mentions it.
    ///   - aliases: other names the article used for it.
    ///   - englishName: the English name; nil when unknown.
    ///   - wikidata: the Wikidata id (`Q7747`); nil when unknown.
    ///   - spans: where the mentions are in ``Article/text``; a title mention has none.
    public init(name: String, type: Kind, mentions: Int, aliases: [String] = [], englishName: String? = nil,
                wikidata: String? = nil, spans: [Span] = []) {
        self.name = name
        self.type = type
        self.mentions = mentions
        self.aliases = aliases
        self.englishName = englishName
        self.wikidata = wikidata
        self.spans = spans
    }

    enum CodingKeys: String, CodingKey { case name, type, mentions, aliases, englishName, wikidata, spans }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(type, forKey: .type)
        try c.encode(mentions, forKey: .mentions)
        try c.encode(aliases, forKey: .aliases)
        try c.encodeOrNull(englishName, forKey: .englishName)
        try c.encodeOrNull(wikidata, forKey: .wikidata)
        try c.encode(spans, forKey: .spans)
    }
}

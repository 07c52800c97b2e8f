/// A person credited with the article.
public struct Author: Sendable, Hashable, Codable {
    /// The name as the byline writes it (`김철수`), without the role.
    public var name: String
    /// The role as written after the name: `기자`, `특파원`, `논설위원`, `객원기자` …
    public var role: String?
    /// The e-mail address given with the name or in the e-mail lines at the end of the story;
    /// nil when the page gives none for this author.
    public var email: String?
    /// Makes an author.
    /// - Parameters:
    ///   - name: the name, without the role.
    ///   - role: the role as written after the name; nil when none is written.
    ///   - email: the author's e-mail address; nil when the page gives none.
    public init(name: String, role: String? = nil, email: String? = nil) {
        self.name = name
        self.role = role
        self.email = email
    }

    enum CodingKeys: String, CodingKey { case name, role, email }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encodeOrNull(role, forKey: .role)
        try c.encodeOrNull(email, forKey: .email)
    }
}

/// A person credited with the article.
public struct Author: Sendable, Hashable, Codable {
    public var name: String
    /// The role as written after the name: `기자`, `특파원`, `논설위원`, `객원기자` …
    public var role: String?
    public var email: String?
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

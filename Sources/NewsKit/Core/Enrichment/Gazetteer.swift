import Foundation


/// The names an ``EntityRecognizer`` knows: people, organizations and places with their
/// canonical names, aliases, English names and Wikidata ids.
///
/// The built-in list is a JSON file shipped as a resource (`Enrichment/gazetteer.json`); users
/// extend it at run time with files of the same shape:
///
/// ```json
/// {"entities": [{"name": "블라디미르 푸틴", "type": "person", "english": "Vladimir Putin",
///                "wikidata": "Q7747", "aliases": ["푸틴"], "titles": ["대통령"]}],
///  "givenNames": ["블라디미르"]}
/// ```
///
/// ```swift
/// let gazetteer = try Gazetteer.builtIn().merging(Gazetteer(contentsOf: URL(fileURLWithPath: "mine.json")))
/// ```
public struct Gazetteer: Sendable, Hashable {
    /// One known entity.
    public struct Entry: Sendable, Hashable, Codable {
        /// The canonical name, in full as Korean media write it.
        public var name: String
        /// Whether the entry is a person, an organization or a place.
        public var type: Entity.Kind
        /// The English name (`Vladimir Putin`); nil when unknown.
        public var english: String?
        /// The Wikidata id (`Q7747`); nil when unknown.
        public var wikidata: String?
        /// Other surface forms that always mean this entity (`푸틴`, `KCNA`, `北`).
        public var aliases: [String]
        /// Title words written after the name; `김 위원장` resolves to the person named 김…
        /// whose titles include `위원장`.
        public var titles: [String]
        /// Forms that mean this entity only when the article also names it (`최고지도자`).
        public var contextAliases: [String]

        /// Makes an entry from its fields, as the JSON form gives them.
        /// - Parameters:
        ///   - name: the canonical name; it must not be empty.
        ///   - type: person, organization or place.
        ///   - english: the English name; nil when unknown.
        ///   - wikidata: the Wikidata id; nil when unknown.
        ///   - aliases: other forms that always mean this entity.
        ///   - titles: title words written after the name.
        ///   - contextAliases: forms that mean it only when the article also names it.
        public init(name: String, type: Entity.Kind, english: String? = nil, wikidata: String? = nil,
                    aliases: [String] = [], titles: [String] = [], contextAliases: [String] = []) {
            self.name = name
            self.type = type
            self.english = english
            self.wikidata = wikidata
            self.aliases = aliases
            self.titles = titles
            self.contextAliases = contextAliases
        }

        enum CodingKeys: String, CodingKey { case name, type, english, wikidata, aliases, titles, contextAliases }
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            type = try c.decode(Entity.Kind.self, forKey: .type)
            english = try c.decodeIfPresent(String.self, forKey: .english)
            wikidata = try c.decodeIfPresent(String.self, forKey: .wikidata)
            aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
            titles = try c.decodeIfPresent([String].self, forKey: .titles) ?? []
            contextAliases = try c.decodeIfPresent([String].self, forKey: .contextAliases) ?? []
        }
    }

    /// The known entities, in file order (merged ones after, see ``merging(_:)``).
    public private(set) var entries: [Entry]
    /// Foreign given names (`세르게이`, `도널드`): a name found by rule takes the token before
    /// its last name when that token is one of these.
    public private(set) var givenNames: Set<String>

    /// Makes a gazetteer from entries built in code.
    /// - Parameters:
    ///   - entries: the known entities; two with the same name and type are both kept (use
    ///     ``merging(_:)`` to replace one).
    ///   - givenNames: foreign given names, for names found by rule.
    public init(entries: [Entry], givenNames: Set<String> = []) {
        self.entries = entries
        self.givenNames = givenNames
    }

    private struct File: Decodable {
        var entities: [Entry]
        var givenNames: [String]?
    }

    /// Reads a gazetteer from JSON bytes.
    /// - Parameters:
    ///   - json: a JSON object with `entities` (each with `name` and `type`, the rest optional)
    ///     and, optionally, `givenNames`.
    ///   - name: the file name for error messages.
    /// - Throws: ``GazetteerError`` `.malformed`: not JSON of that shape, an unknown `type`, or
    ///   an entry with an empty name.
    public init(json: Data, name: String) throws(GazetteerError) {
        do {
            let file = try JSONDecoder().decode(File.self, from: json)
            for e in file.entities where e.name.isEmpty {
                throw GazetteerError(code: .malformed, path: name, message: "an entry has an empty name (\(e.type))")
            }
            self.init(entries: file.entities, givenNames: Set(file.givenNames ?? []))
        } catch let e as GazetteerError {
            throw e
        } catch {
            throw GazetteerError(code: .malformed, path: name, message: "not a gazetteer: \(error)")
        }
    }

    /// Reads a gazetteer file.
    /// - Parameter url: the file, in the JSON form ``init(json:name:)`` reads.
    /// - Throws: ``GazetteerError`` `.unreadable` or `.malformed`.
    public init(contentsOf url: URL) throws(GazetteerError) {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw GazetteerError(code: .unreadable, path: url.path, message: "cannot read the gazetteer: \(error.localizedDescription)")
        }
        try self.init(json: data, name: url.path)
    }

    /// This gazetteer with `other`'s entries added; an entry of `other` with the same name and
    /// type replaces this one's.
    /// - Parameter other: the entries and given names to add.
    /// - Returns: the merged gazetteer: this one's entries in order (replaced ones in place),
    ///   then `other`'s new ones; the given names of both.
    public func merging(_ other: Gazetteer) -> Gazetteer {
        var byKey: [String: Int] = [:]
        var merged = entries
        for (i, e) in merged.enumerated() { byKey["\(e.type.rawValue):\(e.name)"] = i }
        for e in other.entries {
            if let i = byKey["\(e.type.rawValue):\(e.name)"] { merged[i] = e } else {
                byKey["\(e.type.rawValue):\(e.name)"] = merged.count
                merged.append(e)
            }
        }
        return Gazetteer(entries: merged, givenNames: givenNames.union(other.givenNames))
    }

    /// The built-in gazetteer (read once).
    /// - Returns: the gazetteer of `Enrichment/gazetteer.json`, the same value on every call.
    /// - Throws: ``GazetteerError`` when the resource is missing (a binary moved without its
    ///   `NewsKit_NewsKitCore.resources` folder) or damaged.
    public static func builtIn() throws(GazetteerError) -> Gazetteer {
        try cachedBuiltIn.get()
    }

    private static let cachedBuiltIn: Result<Gazetteer, GazetteerError> = {
        guard let url = builtInURL() else {
            return .failure(GazetteerError(code: .unreadable, path: "built-in",
                                           message: "gazetteer.json was not found beside the program (NewsKit_NewsKitCore.resources); pass a gazetteer file instead"))
        }
        do throws(GazetteerError) { return .success(try Gazetteer(contentsOf: url)) } catch { return .failure(error) }
    }()

    /// Where the resource is (see ``BundledResource``).
    static func builtInURL() -> URL? { BundledResource.url(named: "gazetteer.json", besideSource: #filePath) }
}

import Foundation
import NewsKitHTML

/// What a page says about itself in machine-readable form: JSON-LD (`NewsArticle` and kin),
/// OpenGraph and `article:*` properties, `<meta name>` tags, `<link rel=canonical>`, `<time>`
/// and `<html lang>`. Read once per page; adapters and the generic extractor start from it.
public struct PageMetadata: Sendable, Hashable {
    /// The headline the metadata gives: JSON-LD `headline` (or `name`), else `og:title`,
    /// `twitter:title`, an `itemprop=headline`, `<meta name=title>`; nil when none does.
    public var title: String?
    /// The `<title>` element's text.
    public var documentTitle: String?
    /// The site's name: JSON-LD `publisher.name` or a `WebSite`/`Organization` name,
    /// `og:site_name`, `application-name` …; nil when the page gives none.
    public var siteName: String?
    /// The page's description: JSON-LD `description`, `og:description`, `<meta name=description>`;
    /// nil when none.
    public var description: String?
    /// The canonical URL as written (not resolved): `<link rel=canonical>`, JSON-LD `url` or
    /// `mainEntityOfPage`, `og:url`; nil when none.
    public var canonicalURL: String?
    /// The publication time: JSON-LD `datePublished`, `article:published_time`, `itemprop`,
    /// `<meta>` date names or a `<time datetime>`, with its offset (KST when the page gives none);
    /// nil when none parses.
    public var published: Instant?
    /// The last modification: JSON-LD `dateModified`, `article:modified_time`, `og:updated_time`,
    /// `itemprop=dateModified`, `lastmod`, with its offset (KST when the page gives none); nil when none.
    public var modified: Instant?
    /// Author names as written (JSON-LD `author`, `article:author`, `<meta name=author>` …),
    /// each once, the meta tags' URL values left out; empty when none.
    public var authors: [String] = []
    /// Image URLs as written (JSON-LD `image`, `og:image`, `twitter:image`), each once, not resolved.
    public var images: [String] = []
    /// Sections (JSON-LD `articleSection`, `article:section`), each once.
    public var sections: [String] = []
    /// Keywords (JSON-LD `keywords`, `article:tag`, `news_keywords`, `keywords`), split at commas,
    /// each once.
    public var keywords: [String] = []
    /// The declared language as written (`ko-KR`): `<html lang>`, JSON-LD `inLanguage`,
    /// `Content-Language`, `og:locale` with `-` for `_`; nil when none.
    public var language: String?
    /// JSON-LD `articleBody`, when the page ships one.
    public var articleBody: String?
    /// `og:type` (`article`, `website`).
    public var type: String?
    /// The JSON-LD `@type` of the article object found (`NewsArticle`).
    public var jsonLDType: String?

    /// Makes empty metadata: every field nil or empty.
    public init() {}

    static let articleTypes: Set<String> = ["NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle",
                                            "BlogPosting", "OpinionNewsArticle", "BackgroundNewsArticle", "Report",
                                            "ReviewNewsArticle", "LiveBlogPosting", "SocialMediaPosting", "TechArticle",
                                            "ScholarlyArticle", "AskPublicQuestion", "VideoObject"]

    /// Reads the metadata of a document.
    /// - Parameter doc: the parsed page; what it does not declare stays nil or empty.
    public init(_ doc: HTMLDocument) {
        self.init()
        var og: [String: [String]] = [:]
        var names: [String: [String]] = [:]
        var itemprops: [String: String] = [:]
        documentTitle = doc.title
        if let lang = doc.documentElement?.attribute("lang"), !lang.isEmpty { language = lang }
        func value(_ node: HTMLNode, _ t: KnownName) -> String? {
            node.attributeBytes(t).map { String(decoding: $0, as: UTF8.self) }
        }
        let interesting: Set<String> = ["datePublished", "dateModified", "headline", "author"]
        // Every node in the order the parser made them, template contents included; no tag-name
        // strings for the many elements that are neither meta, link, script nor time nor carry
        // an itemprop.
        for i in 0..<doc.nodeCount {
            guard let node = doc.node(id: i), node.isElement, node.namespace == .html else { continue }
            switch node.knownTag {
            case .meta:
                // `value` stands in for `content` in some saved pages (Postlight's fixtures).
                let content = (value(node, .content) ?? value(node, .value))?.trimmingSpaces()
                guard let content, !content.isEmpty else {
                    continue
                }
                if let p = value(node, .property) ?? value(node, .name), !p.isEmpty {
                    let key = p.lowercased()
                    if key.hasPrefix("og:") || key.hasPrefix("article:") || key.hasPrefix("twitter:") || key.hasPrefix("dable:") {
                        og[key, default: []].append(content)
                    } else {
                        names[key, default: []].append(content)
                    }
                }
                if let ip = value(node, .itemprop) { itemprops[ip] = itemprops[ip] ?? content }
                if let he = value(node, .httpEquiv), he.lowercased() == "content-language", language == nil { language = content }
            case .link:
                if let rel = value(node, .rel)?.lowercased(), rel.split(separator: " ").contains("canonical"),
                   let href = value(node, .href), !href.isEmpty, canonicalURL == nil {
                    canonicalURL = href.trimmingSpaces()
                }
            case .script:
                if let type = value(node, .type)?.lowercased(), type.has("ld+json") {
                    readJSONLD(node.textContent)
                }
            case .time:
                if published == nil, let dt = value(node, .datetime), let i = Instant(iso8601: dt) ?? KoreanDates.parse(dt) {
                    if let ip = value(node, .itemprop), ip == "dateModified" { modified = modified ?? i } else { itemprops["time"] = itemprops["time"] ?? dt }
                }
            default:
                guard node.hasAttributes, let ip = value(node, .itemprop), interesting.contains(ip) else { continue }
                let v = value(node, .content) ?? value(node, .datetime) ?? node.textContent.collapsingWhitespace()
                if !v.isEmpty { itemprops[ip] = itemprops[ip] ?? v }
            }
        }
        func first(_ dict: [String: [String]], _ keys: String...) -> String? {
            for k in keys { if let v = dict[k]?.first, !v.isEmpty { return v } }
            return nil
        }
        // Attribute values were decoded once; a page that escaped twice leaves `&quot;` behind.
        title = title ?? (first(og, "og:title", "twitter:title", "dable:title") ?? itemprops["headline"] ?? first(names, "title"))?.decodingEntities()
        siteName = siteName ?? (first(og, "og:site_name", "twitter:site:name") ?? first(names, "application-name", "publisher"))?.decodingEntities()
        description = description ?? (first(og, "og:description", "twitter:description") ?? first(names, "description"))?.decodingEntities()
        canonicalURL = canonicalURL ?? first(og, "og:url")
        type = first(og, "og:type")
        let dateOf: (String?) -> Instant? = { s in s.flatMap { Instant(iso8601: $0) ?? KoreanDates.parse($0) } }
        published = published ?? dateOf(first(og, "article:published_time", "og:published_time", "dable:published_time"))
            ?? dateOf(itemprops["datePublished"]) ?? dateOf(first(names, "pubdate", "publishdate", "publish-date", "date", "article:published_time",
                                                                   "og:regdate", "parsely-pub-date", "dc.date", "dc.date.issued", "sailthru.date"))
            ?? dateOf(itemprops["time"])
        modified = modified ?? dateOf(first(og, "article:modified_time", "og:updated_time")) ?? dateOf(itemprops["dateModified"])
            ?? dateOf(first(names, "lastmod", "last-modified", "dc.date.modified"))
        if authors.isEmpty {
            for a in (og["article:author"] ?? []) + (names["author"] ?? []) + (names["byl"] ?? []) + (names["dable:author"] ?? [])
            where !a.hasPrefix("http") && !authors.contains(a) {
                authors.append(a)
            }
            if authors.isEmpty, let a = itemprops["author"] { authors.append(a) }
            // Blog platforms name the writer by nickname (`naverblog:nickname`).
            if authors.isEmpty, let key = names.keys.sorted().first(where: { $0.hasSuffix(":nickname") }), let a = names[key]?.first {
                authors.append(a)
            }
        }
        for img in (og["og:image"] ?? []) + (og["twitter:image"] ?? []) where !images.contains(img) { images.append(img) }
        for s in og["article:section"] ?? [] where !sections.contains(s) { sections.append(s) }
        let keywordSource = (og["article:tag"] ?? []) + (names["news_keywords"] ?? []) + (names["keywords"] ?? [])
        for k in keywordSource.flatMap({ $0.split(separator: ",").map { $0.trimmingSpaces() } })
        where !k.isEmpty && !keywords.contains(k) {
            keywords.append(k)
        }
        if language == nil, let locale = first(og, "og:locale") { language = locale.replacingOccurrences(of: "_", with: "-") }
    }

    // MARK: JSON-LD

    mutating func readJSONLD(_ raw: String) {
        var text = raw.trimmingSpaces()
        if text.hasPrefix("<!--") { text = String(text.dropFirst(4)) }
        if text.hasSuffix("-->") { text = String(text.dropLast(3)) }
        var json = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        if json == nil {
            json = try? JSONSerialization.jsonObject(with: Data(PageMetadata.repairingJSON(Array(text.utf8))), options: [.fragmentsAllowed])
        }
        guard let json else { return }
        for object in PageMetadata.objects(in: json) {
            guard let type = PageMetadata.types(of: object).first(where: { PageMetadata.articleTypes.contains($0) }) else {
                if PageMetadata.types(of: object).contains(where: { $0 == "WebSite" || $0 == "Organization" || $0 == "NewsMediaOrganization" }),
                   siteName == nil, let name = object["name"] as? String {
                    siteName = name
                }
                continue
            }
            if jsonLDType != nil && type == "VideoObject" { continue }
            jsonLDType = jsonLDType ?? type
            if let h = (object["headline"] as? String) ?? (object["name"] as? String), title == nil { title = h.decodingEntities().collapsingWhitespace() }
            if let d = object["datePublished"] as? String, published == nil { published = Instant(iso8601: d) ?? KoreanDates.parse(d) }
            if let d = object["dateModified"] as? String, modified == nil { modified = Instant(iso8601: d) ?? KoreanDates.parse(d) }
            if let d = object["description"] as? String, description == nil { description = d.decodingEntities().collapsingWhitespace() }
            if let b = object["articleBody"] as? String, articleBody == nil, !b.isEmpty { articleBody = b.decodingEntities() }
            if canonicalURL == nil {
                if let u = object["url"] as? String { canonicalURL = u }
                else if let m = object["mainEntityOfPage"] as? [String: Any], let u = (m["@id"] as? String) ?? (m["url"] as? String) { canonicalURL = u }
                else if let u = object["mainEntityOfPage"] as? String { canonicalURL = u }
            }
            for a in PageMetadata.names(object["author"]) where !authors.contains(a) { authors.append(a) }
            for img in PageMetadata.urls(object["image"]) where !images.contains(img) { images.append(img) }
            if let s = object["articleSection"] {
                for v in (s as? [String]) ?? [(s as? String) ?? ""] where !v.isEmpty && !sections.contains(v) { sections.append(v) }
            }
            if let k = object["keywords"] {
                let list = (k as? [String]) ?? ((k as? String)?.split(separator: ",").map(String.init) ?? [])
                for v in list.map({ $0.trimmingSpaces() }) where !v.isEmpty && !keywords.contains(v) { keywords.append(v) }
            }
            if let p = object["publisher"] as? [String: Any], let n = p["name"] as? String, siteName == nil { siteName = n }
            if let l = object["inLanguage"] as? String, language == nil { language = l }
        }
    }

    /// JSON as pages write it, made valid: `//` and `/* */` comments outside strings dropped,
    /// raw control characters inside strings turned into spaces, trailing commas before `}` and
    /// `]` removed.
    static func repairingJSON(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        let n = bytes.count
        var inString = false
        while i < n {
            let c = bytes[i]
            if inString {
                if c == 0x5C, i + 1 < n {
                    out.append(c); out.append(bytes[i + 1]); i += 2; continue
                }
                if c == 0x22 { inString = false }
                out.append(c < 0x20 ? 0x20 : c)
                i += 1
                continue
            }
            switch c {
            case 0x22:
                inString = true
                out.append(c)
                i += 1
            case 0x2F where i + 1 < n && bytes[i + 1] == 0x2F:
                while i < n && bytes[i] != 0x0A { i += 1 }
            case 0x2F where i + 1 < n && bytes[i + 1] == 0x2A:
                i += 2
                while i + 1 < n && !(bytes[i] == 0x2A && bytes[i + 1] == 0x2F) { i += 1 }
                i += 2
            case 0x7D, 0x5D:
                // A trailing comma: drop it (and the whitespace after it stays).
                var k = out.count - 1
                while k >= 0 && (out[k] == 0x20 || out[k] == 0x0A || out[k] == 0x0D || out[k] == 0x09) { k -= 1 }
                if k >= 0 && out[k] == 0x2C { out.remove(at: k) }
                out.append(c)
                i += 1
            default:
                out.append(c)
                i += 1
            }
        }
        return out
    }

    /// Every JSON object in a JSON-LD value, `@graph` and arrays flattened.
    static func objects(in json: Any) -> [[String: Any]] {
        var out: [[String: Any]] = []
        var work: [Any] = [json]
        while let v = work.popLast() {
            if let a = v as? [Any] { work.append(contentsOf: a.reversed()) }
            else if let d = v as? [String: Any] {
                out.append(d)
                if let g = d["@graph"] { work.append(g) }
            }
        }
        return out
    }

    static func types(of object: [String: Any]) -> [String] {
        if let t = object["@type"] as? String { return [t] }
        return object["@type"] as? [String] ?? []
    }

    static func names(_ v: Any?) -> [String] {
        guard let v else { return [] }
        if let s = v as? String { return s.isEmpty ? [] : [s.decodingEntities().collapsingWhitespace()] }
        if let d = v as? [String: Any] { return names(d["name"]) }
        if let a = v as? [Any] { return a.flatMap { names($0) } }
        return []
    }

    static func urls(_ v: Any?) -> [String] {
        guard let v else { return [] }
        if let s = v as? String { return [s] }
        if let d = v as? [String: Any] { return urls(d["url"] ?? d["contentUrl"] ?? d["@id"]) }
        if let a = v as? [Any] { return a.flatMap { urls($0) } }
        return []
    }
}

extension String {
    /// HTML character references decoded (`&quot;` → `"`), for text that arrives escaped once
    /// more than its container needs: JSON-LD strings, twice-escaped attributes.
    package func decodingEntities() -> String {
        guard utf8.contains(0x26) else { return self }
        return CharacterReference.decodeText(Array(utf8))
    }
}

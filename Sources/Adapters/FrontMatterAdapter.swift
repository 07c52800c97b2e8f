import Foundation
import NewsKitCore

/// Blog posts with YAML (or TOML) front matter and an HTML or Markdown body (Jekyll, Hugo,
/// Astro, Tistory exports): title, categories, tags, excerpt, image and date from the front
/// matter (or a `2024-06-19-title.md` file name); body headings stay headings.
public struct FrontMatterAdapter: SiteAdapter {
    public let id = "front-matter"
    public let version = "1"
    public let summary = "blog posts with YAML/TOML front matter and an HTML or Markdown body"

    /// Makes the adapter; it has no settings.
    public init() {}

    public func confidence(for document: Document) -> Confidence {
        document.kind == .frontMatter ? .declaredSite : .none
    }

    public func extract(_ document: Document) throws(ExtractionError) -> Article {
        guard let fm = document.frontMatter else {
            throw ExtractionError(.unsupported, input: document.page.name, adapter: id, "the document has no front matter")
        }
        var warnings: [String] = []
        let (kicker, title) = fm.string("title").map(Headlines.splitKicker) ?? (nil, "")
        let summary = fm.string("excerpt", "description", "summary", "subtitle").map(Self.stripTrailingNote)
        var published: Instant? = nil
        if let raw = fm.string("date", "pubDate", "publishDate", "published", "created") {
            (published, warnings) = Self.instant(raw, field: "date", warnings: warnings)
        } else if let name = document.page.filePath.map({ ($0 as NSString).lastPathComponent }), name.count >= 10,
                  let day = Instant(iso8601: String(name.prefix(10))), name.dropFirst(10).first == "-" {
            published = day
            warnings.append("publishedAt: the date comes from the file name, without a time (00:00 KST)")
        }
        var updated: Instant? = nil
        if let raw = fm.string("updated", "lastmod", "modified", "updatedDate", "last_modified_at") {
            (updated, warnings) = Self.instant(raw, field: "updated", warnings: warnings)
        }
        var authors: [Author] = []
        if let value = fm["author"] ?? fm["authors"] {
            switch value {
            case .map(let entries):
                let name = entries.first { $0.key == "name" }?.value.string
                if let name { authors.append(Author(name: name, email: entries.first { $0.key == "email" }?.value.string)) }
            default:
                for name in value.strings { authors.append(Author(name: name)) }
            }
        }
        var result = BlockAssembler(readsDateline: false, baseURL: document.baseURL).assemble(document.blocks)
        // The body must not open with the post's own title.
        if let first = result.body.first, first.text == title { result.body.removeFirst() }
        var images = result.images
        if let cover = fm.string("image", "cover", "thumbnail", "featured_image", "heroImage", "og_image") {
            if !images.contains(where: { $0.url == cover }) { images.insert(ArticleImage(url: cover), at: 0) }
        }
        guard !result.body.isEmpty else {
            throw ExtractionError(.noContent, input: document.page.name, adapter: id, "the post has no body text")
        }
        let host = document.page.url?.host
        let source = Source(id: host ?? "blog", name: fm.string("site", "blog"), homepage: host.map { "https://\($0)" }, kind: .blog)
        var article = Article(source: source, kicker: kicker, title: title.isEmpty ? nil : title, summary: summary, body: result.body,
                       authors: authors, publishedAt: published, updatedAt: updated, images: images,
                       categories: fm.strings("categories") + fm.strings("category"), tags: fm.strings("tags") + fm.strings("keywords"),
                       related: result.related, warnings: warnings + result.warnings)
        article.complete(from: document, adapter: info)
        return article
    }

    /// An excerpt without a trailing note such as `(단어 수: 88, 문자 수: 553)`.
    static func stripTrailingNote(_ s: String) -> String {
        var t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.hasSuffix(")"), let open = t.range(of: "(", options: .backwards) {
            let note = t[open.upperBound...].lowercased()
            if note.hasAny(["수:", "수 :", "count", "words", "자)"]) {
                t = String(t[..<open.lowerBound]).trimmingCharacters(in: .whitespaces)
            }
        }
        return t
    }

    /// A front-matter date: a full ISO instant, or a day alone (00:00 KST, noted).
    static func instant(_ raw: String, field: String, warnings: [String]) -> (Instant?, [String]) {
        var w = warnings
        if raw.count <= 10, let day = Instant(iso8601: raw) {
            w.append("\(field == "date" ? "publishedAt" : "updatedAt"): the front matter gives a day without a time (00:00 KST)")
            return (day, w)
        }
        if let i = Instant(iso8601: raw) ?? KoreanDates.parse(raw) { return (i, w) }
        w.append("the front matter's \(field) \"\(raw)\" is not a date")
        return (nil, w)
    }
}

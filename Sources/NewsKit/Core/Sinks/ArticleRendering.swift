/// Renderings of an article for people: Markdown (for notes tools) and plain text.
public enum ArticleRendering {
    /// Markdown: the headline, a metadata list, deck lines, the body (headings as `##`), photos
    /// with captions and credits, and related teasers.
    /// - Parameter a: the article.
    /// - Returns: the Markdown text; parts the article lacks (no headline, no photos) are left out.
    public static func markdown(_ a: Article) -> String {
        var out = ""
        if let title = a.title { out += "# " + (a.kicker.map { "[\($0)] " } ?? "") + title + "\n\n" }
        var meta: [String] = []
        meta.append("- source: " + (a.source.name ?? a.source.id))
        if let o = a.origin { meta.append("- origin: \(o.name)" + (o.publishedAt.map { " (\($0.iso8601))" } ?? "")) }
        if let p = a.publishedAt { meta.append("- published: \(p.iso8601)") }
        if let u = a.updatedAt { meta.append("- updated: \(u.iso8601)") }
        if !a.authors.isEmpty {
            meta.append("- authors: " + a.authors.map { [$0.name, $0.role, $0.email.map { "<\($0)>" }].compactMap { $0 }.joined(separator: " ") }.joined(separator: ", "))
        }
        if let d = a.dateline ?? a.agency { meta.append("- dateline: \(d)" + (a.agency.map { a.dateline == nil ? "" : " (\($0))" } ?? "")) }
        if let u = a.canonicalURL ?? a.url { meta.append("- url: \(u)") }
        if !a.categories.isEmpty { meta.append("- categories: " + a.categories.joined(separator: ", ")) }
        if !a.tags.isEmpty { meta.append("- tags: " + a.tags.joined(separator: ", ")) }
        out += meta.joined(separator: "\n") + "\n\n"
        for s in a.subtitles { out += "> \(s)\n" }
        if !a.subtitles.isEmpty { out += "\n" }
        if let s = a.summary { out += "*\(s)*\n\n" }
        for b in a.body {
            switch b.kind {
            case .heading: out += "## \(b.text)\n\n"
            case .quote: out += "> \(b.text)\n\n"
            case .listItem: out += "- \(b.text)\n\n"
            default: out += "\(b.text)\n\n"
            }
        }
        for img in a.images {
            let label = [img.title, img.caption].compactMap { $0 }.joined(separator: ": ")
            out += (img.url.map { "![\(label)](\($0))" } ?? "Photo: \(label)") + (img.credit.map { " (\($0))" } ?? "") + "\n\n"
        }
        if !a.related.isEmpty {
            out += "## Related\n\n"
            for t in a.related {
                let title = t.title ?? t.summary ?? ""
                out += "- " + (t.url.map { "[\(title)](\($0))" } ?? title) + (t.section.map { " — \($0)" } ?? "") + "\n"
            }
            out += "\n"
        }
        return out
    }

    /// Plain text: the headline, a blank line, the body.
    /// - Parameter a: the article.
    /// - Returns: the headline and a blank line (when there is a headline), then ``Article/text``
    ///   and a final newline.
    public static func plain(_ a: Article) -> String {
        (a.title.map { $0 + "\n\n" } ?? "") + a.text + "\n"
    }
}

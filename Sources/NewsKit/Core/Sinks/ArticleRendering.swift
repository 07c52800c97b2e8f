/// Renderings of an article for people: Markdown (for notes tools) and plain text.
public enum ArticleRendering {
    /// Markdown: the headline (`# (untitled)` when there is none, so articles one after another
    /// stay apart), a metadata list (source, dates, authors, URL or file), deck lines, the body
    /// (headings as `##`), photos with captions and credits, and related teasers.
    /// - Parameter a: the article.
    /// - Returns: the Markdown text; parts the article lacks (no photos, no teasers) are left out.
    public static func markdown(_ a: Article) -> String {
        var out = "# " + (a.kicker.map { "[\($0)] " } ?? "") + (a.title ?? "(untitled)") + "\n\n"
        var meta: [String] = []
        meta.append("- source: " + (a.source.name ?? a.source.id))
        if let o = a.origin { meta.append("- origin: \(o.name)" + (o.publishedAt.map { " (\($0.iso8601))" } ?? "")) }
        if let p = a.publishedAt { meta.append("- published: \(p.iso8601)") }
        if let u = a.updatedAt { meta.append("- updated: \(u.iso8601)") }
        if !a.authors.isEmpty {
            meta.append("- authors: " + a.authors.map { [$0.name, $0.role, $0.email.map { "<\($0)>" }].compactMap { $0 }.joined(separator: " ") }.joined(separator: ", "))
        }
        if let d = a.dateline ?? a.agency { meta.append("- dateline: \(d)" + (a.agency.map { a.dateline == nil ? "" : " (\($0))" } ?? "")) }
        if let u = a.preferredURL { meta.append("- url: \(u)") } else if let f = a.file { meta.append("- file: \(f)") }
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

    /// Plain text: the headline (or `(untitled)`), a line with the source, the publication
    /// time and the URL (or file), a blank line, the body.
    /// - Parameter a: the article.
    /// - Returns: the header lines, a blank line, ``Article/text`` and a final newline.
    public static func plain(_ a: Article) -> String {
        (a.title ?? "(untitled)") + "\n" + sourceLine(a) + "\n\n" + a.text + "\n"
    }

    /// A few lines for a person at a terminal: the headline (or `(untitled)`), the source, the
    /// publication time and the authors, the URL (or file), the first lines of the text, and
    /// the article's warnings.
    /// - Parameters:
    ///   - a: the article.
    ///   - lines: how many of the body's blocks to show, each cut to about 160 characters.
    /// - Returns: the lines, each ending in a newline; body and warnings indented.
    public static func brief(_ a: Article, lines: Int = 3) -> String {
        var out = "■ " + (a.kicker.map { "[\($0)] " } ?? "") + (a.title ?? "(untitled)") + "\n"
        var facts = [a.source.name ?? a.source.id]
        facts.append(a.publishedAt.map(shortTime) ?? "undated")
        if !a.authors.isEmpty { facts.append(a.authors.map { [$0.name, $0.role].compactMap { $0 }.joined(separator: " ") }.joined(separator: ", ")) }
        out += "  " + facts.joined(separator: " · ") + "\n"
        out += "  " + (a.preferredURL ?? a.file ?? "") + "\n"
        for block in a.body.prefix(lines) {
            let text = block.text.replacingOccurrences(of: "\n", with: " ")
            out += "    " + (text.count > 160 ? String(text.prefix(159)) + "…" : text) + "\n"
        }
        if a.body.count > lines { out += "    … \(a.body.count - lines) more paragraph(s)\n" }
        for w in a.warnings { out += "  ! " + w + "\n" }
        return out
    }

    /// `연합뉴스 · 2025-08-13 08:00 +09:00 · https://…`: the source, when and where.
    static func sourceLine(_ a: Article) -> String {
        [a.source.name ?? a.source.id, a.publishedAt.map(shortTime) ?? "undated", a.preferredURL ?? a.file]
            .compactMap { $0 }.joined(separator: " · ")
    }

    /// `2025-08-13 08:00 +09:00`: the instant to the minute, in its own offset.
    static func shortTime(_ i: Instant) -> String {
        let iso = i.iso8601   // 2025-08-13T08:00:00+09:00
        guard iso.count >= 19 else { return iso }
        let offset = iso.dropFirst(19)
        return String(iso.prefix(16)).replacingOccurrences(of: "T", with: " ") + (offset.isEmpty ? "" : " " + (offset == "Z" ? "UTC" : String(offset)))
    }
}

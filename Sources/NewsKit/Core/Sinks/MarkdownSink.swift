import Foundation

/// Writes one Markdown file per article into a folder, for notes tools (Obsidian, Logseq …).
///
/// Each file starts with YAML front matter (`id`, `title`, `source`, `published`, `url`,
/// `file`, `story`, `entities`) followed by ``ArticleRendering/markdown(_:)``. The file name is
/// ``slug(id:title:)``: the first 12 characters of the id, then a slug of the title. The id
/// makes it unique and stable across runs (a rerun overwrites the same file); only letters
/// (Hangul included), digits and single hyphens survive from the title, so no title can name a
/// path outside the folder (`../`, `/`, NUL, control characters and reserved names are gone).
///
/// Guarantees: each file is written to a temporary name and renamed into place, so a crash
/// never leaves half a file; a failure on one article leaves the others untouched.
public final class MarkdownSink: ArticleSink, ResumableSink, @unchecked Sendable {
    /// The folder the files are written to, as an absolute, standardized file URL.
    public let directory: URL
    public let name: String
    private let lock = NSLock()
    private var isClosed = false

    /// Writes into `directory`, creating it.
    /// - Parameter directory: the folder's path, created with its parents when missing; files
    ///   already there are kept (and overwritten when an article with the same id and title comes).
    /// - Throws: ``SinkError`` `io` when the folder cannot be created.
    public init(directory: String) throws(SinkError) {
        self.directory = URL(fileURLWithPath: directory).standardizedFileURL
        name = "markdown:\(directory)"
        do { try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true) } catch {
            throw SinkError(.io, sink: name, "cannot create the folder: \(error.localizedDescription)")
        }
    }

    /// The file name for an article: `<id prefix>-<title slug>.md`, at most about 100 bytes.
    /// - Parameters:
    ///   - id: the article's id; its first 12 letters and digits open the name (`article` when
    ///     it has none).
    ///   - title: the headline; nil or one with no letters leaves the id prefix alone.
    /// - Returns: the file name, with the `.md` extension and no path separators.
    public static func slug(id: String, title: String?) -> String {
        func clean(_ s: String, limit: Int) -> String {
            var out = ""
            var lastHyphen = true
            for ch in s.unicodeScalars {
                if out.unicodeScalars.count >= limit { break }
                if ScalarClass.isHangul(ch) || ScalarClass.isASCIIAlnum(ch) || ScalarClass.isHanja(ch) || (ch.properties.isAlphabetic && ch.value > 0x7F) {
                    out.unicodeScalars.append(ch)
                    lastHyphen = false
                } else if !lastHyphen {
                    out.append("-")
                    lastHyphen = true
                }
            }
            while out.hasSuffix("-") { out.removeLast() }
            return out
        }
        let idPart = clean(id, limit: 12)
        let titlePart = clean(title ?? "", limit: 40)
        let base = [idPart.isEmpty ? "article" : idPart, titlePart].filter { !$0.isEmpty }.joined(separator: "-")
        return base + ".md"
    }

    public func receive(_ article: Article) throws(SinkError) {
        lock.lock(); defer { lock.unlock() }
        guard !isClosed else { throw SinkError(.closed, sink: name, articleID: article.id, "the sink is closed") }
        let file = directory.appendingPathComponent(Self.slug(id: article.id, title: article.title))
        // Belt and braces: the slug cannot leave the folder, and this checks it.
        guard file.deletingLastPathComponent().standardizedFileURL.path == directory.path else {
            throw SinkError(.io, sink: name, articleID: article.id, "refusing to write outside \(directory.path)")
        }
        let temporary = directory.appendingPathComponent(".\(file.lastPathComponent).tmp")
        do {
            try Data(Self.document(article).utf8).write(to: temporary)
            if FileManager.default.fileExists(atPath: file.path) { try FileManager.default.removeItem(at: file) }
            try FileManager.default.moveItem(at: temporary, to: file)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw SinkError(.io, sink: name, articleID: article.id, "cannot write \(file.lastPathComponent): \(error.localizedDescription)")
        }
    }

    /// Front matter and the article as Markdown.
    static func document(_ a: Article) -> String {
        func yaml(_ s: String) -> String { JSONLiteral.quote(s) }   // a JSON string is a valid YAML scalar
        var lines = ["---", "id: \(yaml(a.id))"]
        if let t = a.title { lines.append("title: \(yaml(t))") }
        lines.append("source: \(yaml(a.source.name ?? a.source.id))")
        if let p = a.publishedAt { lines.append("published: \(p.iso8601)") }
        if let u = a.preferredURL { lines.append("url: \(yaml(u))") }
        if let f = a.file { lines.append("file: \(yaml(f))") }
        if let s = a.storyID { lines.append("story: \(yaml(s))") }
        let names = a.entities.prefix(12).map { yaml($0.name) }
        if !names.isEmpty { lines.append("entities: [\(names.joined(separator: ", "))]") }
        lines.append("---")
        return lines.joined(separator: "\n") + "\n\n" + ArticleRendering.markdown(a)
    }

    public func close() throws(SinkError) { lock.withLock { isClosed = true } }

    /// The ids, files and URLs in the front matter of the folder's Markdown files.
    /// - Returns: the keys found; files that cannot be read are skipped, and an unreadable
    ///   folder gives empty keys.
    /// - Throws: nothing: the requirement allows a ``SinkError``, but this sink leaves out
    ///   what it cannot read instead.
    public func storedKeys() throws(SinkError) -> StoredKeys {
        var keys = StoredKeys()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for n in names where n.hasSuffix(".md") && !n.hasPrefix(".") {
            guard let text = try? String(contentsOf: directory.appendingPathComponent(n), encoding: .utf8) else { continue }
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(20).enumerated() {
                if line == "---" && n > 0 { break }
                for (key, isID) in [("id: ", true), ("url: ", false), ("file: ", false)] where line.hasPrefix(key) {
                    let raw = String(line.dropFirst(key.count))
                    let value = (try? JSONDecoder().decode(String.self, from: Data(raw.utf8))) ?? raw
                    if isID { keys.ids.insert(value) } else { keys.inputs.insert(value) }
                }
            }
        }
        return keys
    }
}

extension ArticleSink where Self == MarkdownSink {
    /// One Markdown file per article in a folder.
    /// - Parameter directory: the folder, created when missing.
    /// - Returns: a ``MarkdownSink`` writing into it.
    /// - Throws: ``SinkError`` `io` when the folder cannot be created.
    public static func markdown(directory: String) throws(SinkError) -> MarkdownSink { try MarkdownSink(directory: directory) }
}

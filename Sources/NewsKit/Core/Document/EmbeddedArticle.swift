import Foundation
import NewsKitHTML

/// An article a page ships as data inside a `<script>` rather than as markup: headless CMSs
/// (Arc XP's `Fusion.globalContent`, used by chosun.com), Next.js `__NEXT_DATA__`, Nuxt state
/// and the like render the text in the browser, so the saved HTML holds little more than the
/// headline.
///
/// The reader is not tied to one CMS. It takes every JSON object assigned in a script
/// (`x = {…}`) or held by a `type="application/json"` script, and looks for the array whose
/// elements read most like paragraphs: objects typed `text`, `paragraph`, `header`, `quote`…
/// with their text under `content`, `text` or `html`, or a single long HTML string under
/// `body`, `content`, `html`. The object holding it is the article: its headline, credits and
/// dates are read from the field names such schemas use.
public struct EmbeddedArticle: Sendable, Hashable {
    /// The content as blocks (paragraphs, headings, list items, images with their captions).
    public var blocks: [Block]
    /// The headline from the article object (`headlines`, `headline`, `title`), markup removed;
    /// nil when the object has none.
    public var title: String?
    /// The subheadline (`subheadlines`, `subheadline`, `subtitle`), markup removed; nil when none.
    public var subtitle: String?
    /// Author bylines as written (`박선민 기자`).
    public var authors: [String]
    /// When the article was published, from the object's date fields (`datePublished`,
    /// `first_publish_date`, …), with the offset the data gives (KST when it gives none); nil when none.
    public var published: Instant?
    /// When it was last updated (`dateModified`, `last_updated_date`, …), with the offset the data
    /// gives (KST when it gives none); nil when none.
    public var updated: Instant?
    /// Letters and digits in the content blocks (a Hangul syllable counts one).
    public var letters: Int

    /// The embedded article with the most text, if the page has one with at least
    /// `minimumLetters` letters.
    ///
    /// Scripts with a `src`, JSON-LD scripts and scripts of other types are skipped.
    /// - Parameters:
    ///   - document: the parsed page.
    ///   - minimumLetters: the fewest letters and digits (``letters``) an embedded article
    ///     needs to count; 80 by default.
    /// - Returns: the embedded article with the most letters; nil when no script holds one with
    ///   at least `minimumLetters`.
    public static func find(in document: HTMLDocument, minimumLetters: Int = 80) -> EmbeddedArticle? {
        var best: EmbeddedArticle? = nil
        for node in document.root.descendants where node.isElement && node.namespace == .html && node.tagName == "script" {
            if node.attribute("src") != nil { continue }
            let type = node.attribute("type")?.lowercased() ?? ""
            if type.has("ld+json") { continue }
            let isJSON = type.has("json")
            if !type.isEmpty && !isJSON && !type.has("javascript") && !type.has("ecmascript") { continue }
            let text = node.textBytes
            guard text.count >= 400, mayHoldArticle(text[...]) else { continue }
            for range in jsonObjectRanges(in: text, wholeScript: isJSON) {
                // Parse only the objects that themselves hold something article-shaped.
                guard mayHoldArticle(text[range]),
                      let json = try? JSONSerialization.jsonObject(with: Data(text[range]), options: []) else { continue }
                if let found = article(in: json), found.letters >= minimumLetters, found.letters > (best?.letters ?? 0) {
                    best = found
                }
            }
        }
        return best
    }

    // MARK: Locating JSON in scripts

    static let articleMarkers: [[UInt8]] = ["\"type\":\"text\"", "\"type\": \"text\"", "\"type\":\"paragraph\"",
                                           "\"type\": \"paragraph\"", "<p>", "<p ", "\\u003cp", "\\u003Cp", "\"articleBody\"",
                                           "\\\"type\\\":\\\"text\\\""].map { Array($0.utf8) }

    /// Whether a script holds something article-shaped (typed text elements, paragraph markup):
    /// a cheap test before any JSON is parsed.
    static func mayHoldArticle(_ text: ArraySlice<UInt8>) -> Bool {
        text.withUnsafeBufferPointer { buf in articleMarkers.contains { TextSearch.find($0, in: buf) } }
    }

    /// The byte ranges of the JSON objects a script assigns (`= {` … `}`) or holds whole, at
    /// least 300 bytes long. Braces are matched with strings skipped.
    static func jsonObjectRanges(in text: [UInt8], wholeScript: Bool) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = 0
        let n = text.count
        while i < n {
            var start = -1
            if wholeScript {
                while i < n && (text[i] == 0x20 || text[i] == 0x0A || text[i] == 0x0D || text[i] == 0x09) { i += 1 }
                if i < n && text[i] == 0x7B { start = i }
            } else {
                guard let eq = text[i...].firstIndex(where: { $0 == 0x3D || $0 == 0x28 }) else { break }
                var j = eq + 1
                while j < n && (text[j] == 0x20 || text[j] == 0x0A || text[j] == 0x0D || text[j] == 0x09) { j += 1 }
                if j < n && text[j] == 0x7B { start = j } else { i = eq + 1; continue }
            }
            guard start >= 0, let end = matchingBrace(text, from: start) else { break }
            if end - start >= 300 { out.append(start..<end) }
            if wholeScript { break }
            i = end
        }
        return out
    }

    /// The index just past the `}` that closes the `{` at `start`, or nil.
    static func matchingBrace(_ text: [UInt8], from start: Int) -> Int? {
        var depth = 0
        var i = start
        let n = text.count
        while i < n {
            switch text[i] {
            case 0x22: // a string: skip to its closing quote
                i += 1
                while i < n && text[i] != 0x22 {
                    if text[i] == 0x5C { i += 1 }
                    i += 1
                }
            case 0x7B, 0x5B: depth += 1
            case 0x7D, 0x5D:
                depth -= 1
                if depth == 0 { return i + 1 }
            default: break
            }
            i += 1
        }
        return nil
    }

    // MARK: Finding the article in JSON

    static let textTypes: Set<String> = ["text", "paragraph", "p", "header", "heading", "subheading", "subheadline",
                                         "h2", "h3", "h4", "quote", "blockquote", "list", "unordered-list", "ordered-list",
                                         "list-item", "correction"]
    static let textKeys = ["content", "text", "html", "value"]
    static let bodyKeys = ["articleBody", "body", "content", "html", "contentHtml", "bodyHtml", "content_html", "body_html"]

    /// The article object in a JSON value: the object holding the most paragraph text.
    static func article(in json: Any) -> EmbeddedArticle? {
        var best: (blocks: [Block], letters: Int, owner: [String: Any])? = nil
        var work: [(Any, [String: Any]?, Int)] = [(json, nil, 0)]
        var visited = 0
        while let (value, owner, depth) = work.popLast() {
            visited += 1
            if visited > 200_000 || depth > 64 { break }
            if let dict = value as? [String: Any] {
                for key in bodyKeys {
                    guard let html = dict[key] as? String, html.utf8.count >= 200, html.has("<p") || html.has("<br") else { continue }
                    let blocks = HTMLBlockReader.blocks(of: HTMLParser.parse(html))
                    let letters = blocks.reduce(0) { $0 + TextSearch.letterCount($1.text) }
                    if letters > (best?.letters ?? 0) { best = (blocks, letters, dict) }
                }
                for (_, v) in dict where v is [Any] || v is [String: Any] { work.append((v, dict, depth + 1)) }
            } else if let array = value as? [Any] {
                if let owner, let (blocks, letters) = contentBlocks(array), letters > (best?.letters ?? 0) {
                    best = (blocks, letters, owner)
                }
                for v in array where v is [Any] || v is [String: Any] { work.append((v, owner, depth + 1)) }
            }
        }
        guard let best else { return nil }
        let o = best.owner
        let title = headline(o["headlines"]) ?? headline(o["headline"]) ?? headline(o["title"])
        let subtitle = headline(o["subheadlines"]) ?? headline(o["subheadline"]) ?? headline(o["subtitle"])
        var lower: [String: Any] = [:]
        for (k, v) in o { lower[k.lowercased()] = lower[k.lowercased()] ?? v }
        var authors: [String] = []
        for v in [(o["credits"] as? [String: Any])?["by"], lower["authors"], lower["author"], lower["bylines"], lower["byline"],
                  lower["writers"], lower["writer"]] {
            for name in bylines(v) where !authors.contains(name) { authors.append(name) }
            if !authors.isEmpty { break }
        }
        func date(_ keys: [String]) -> Instant? {
            for k in keys { if let s = o[k] as? String, let i = Instant(iso8601: s) ?? KoreanDates.parse(s) { return i } }
            return nil
        }
        var published = date(["first_publish_date", "datePublished", "publishedAt", "published_at", "publishDate", "publish_date",
                              "display_date", "pubDate", "createdAt", "created_date"])
        var updated = date(["last_updated_date", "dateModified", "updatedAt", "updated_at", "modifiedAt", "modified_at", "modified"])
        if published == nil || updated == nil {
            // Other schemas name their dates freely (`deployDt`, `reDeployDt`, `regDate`): read
            // the name's words.
            for key in o.keys.sorted() {
                guard let s = o[key] as? String, s.utf8.count <= 40, let kind = dateKind(key),
                      let i = Instant(iso8601: s) ?? KoreanDates.parse(s) else { continue }
                if kind == .updated { updated = updated ?? i } else { published = published ?? i }
            }
        }
        var blocks = best.blocks
        for i in blocks.indices { blocks[i].index = i; blocks[i].nodeID = nil }
        return EmbeddedArticle(blocks: blocks, title: title, subtitle: subtitle, authors: authors, published: published,
                               updated: updated, letters: best.letters)
    }

    enum DateKind { case published, updated }

    /// Whether a field name reads as a publication or an update date: it ends in a date word
    /// (`Dt`, `Date`, `At`, `Time`) and says which (`deploy`, `pub`, `reg` / `mod`, `upd`, `re…`).
    static func dateKind(_ key: String) -> DateKind? {
        let k = key.lowercased().replacingOccurrences(of: "_", with: "")
        guard k.hasSuffix("dt") || k.hasSuffix("date") || k.hasSuffix("at") || k.hasSuffix("time") || k.hasSuffix("datetime") else { return nil }
        if k.hasAny(["mod", "upd", "edit", "redeploy", "revis", "last"]) { return .updated }
        if k.hasAny(["pub", "deploy", "reg", "creat", "input", "release", "issue", "post", "write", "insert"]) { return .published }
        return nil
    }

    /// The blocks of an array of typed content elements, when at least one is text.
    static func contentBlocks(_ array: [Any]) -> ([Block], Int)? {
        guard array.count >= 1 else { return nil }
        var blocks: [Block] = []
        var letters = 0
        var textElements = 0
        for element in array {
            guard let e = element as? [String: Any] else { return nil }
            guard let type = ((e["type"] ?? e["_type"] ?? e["kind"] ?? e["blockType"]) as? String)?.lowercased() else { continue }
            if textTypes.contains(type) {
                var texts: [String] = []
                if let items = e["items"] as? [Any] {
                    for item in items {
                        if let s = item as? String { texts.append(s) }
                        else if let d = item as? [String: Any], let s = firstString(d, textKeys) { texts.append(s) }
                    }
                } else if let s = firstString(e, textKeys) {
                    texts.append(s)
                }
                let role: Block.Role = type.hasPrefix("h") && type != "html" ? .heading(type == "h3" ? 3 : type == "h4" ? 4 : 2)
                    : type.has("list") ? .listItem : type.has("quote") ? .quote : .paragraph
                for raw in texts {
                    let text = plainText(raw)
                    guard !text.isEmpty else { continue }
                    letters += TextSearch.letterCount(text)
                    textElements += 1
                    blocks.append(Block(text: text, role: role))
                }
            } else if type == "image" || type == "photo" || type == "picture" {
                let url = firstString(e, ["url", "src", "href"]) ?? (e["image"] as? [String: Any]).flatMap { firstString($0, ["url", "src"]) }
                guard let url, !url.isEmpty else { continue }
                let caption = firstString(e, ["caption", "alt", "description", "title"]).map(plainText)
                blocks.append(Block(text: caption ?? "", role: .image,
                                    image: Block.Image(url: url, alt: caption, width: e["width"] as? Int, height: e["height"] as? Int)))
                if let caption, !caption.isEmpty { blocks.append(Block(text: caption, role: .caption)) }
            }
        }
        guard textElements >= 1, letters > 0 else { return nil }
        return (blocks, letters)
    }

    static func firstString(_ d: [String: Any], _ keys: [String]) -> String? {
        for k in keys { if let s = d[k] as? String, !s.isEmpty { return s } }
        return nil
    }

    /// A headline value: a string, or an object with `basic`, `main` or `text`.
    static func headline(_ v: Any?) -> String? {
        if let s = v as? String { let t = plainText(s); return t.isEmpty ? nil : t }
        if let d = v as? [String: Any] { return firstString(d, ["basic", "main", "text", "default"]).map(plainText).flatMap { $0.isEmpty ? nil : $0 } }
        return nil
    }

    /// Bylines from a credits value: strings, or objects whose byline (at any depth, as Arc's
    /// `additional_properties.original.byline` keeps the Korean order) or name is taken.
    static func bylines(_ v: Any?) -> [String] {
        guard let v else { return [] }
        if let s = v as? String { let t = plainText(s); return t.isEmpty ? [] : [t] }
        if let a = v as? [Any] { return a.flatMap { bylines($0) } }
        if let d = v as? [String: Any] {
            if let b = nestedString(d, key: "byline", depth: 3) { return [plainText(b)] }
            if let n = d["name"] as? String, !n.isEmpty { return [plainText(n)] }
        }
        return []
    }

    static func nestedString(_ d: [String: Any], key: String, depth: Int) -> String? {
        if let s = d[key] as? String, !s.isEmpty { return s }
        guard depth > 0 else { return nil }
        for (_, v) in d {
            if let sub = v as? [String: Any], let s = nestedString(sub, key: key, depth: depth - 1) { return s }
        }
        return nil
    }

    /// Text of a JSON string that may hold inline markup: tags dropped (`<br>` and block ends
    /// become line breaks), references decoded, whitespace collapsed per line.
    static func plainText(_ s: String) -> String {
        let bytes = Array(s.utf8)
        guard bytes.contains(0x3C) || bytes.contains(0x26) else { return s.collapsingWhitespace() }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x3C, let close = bytes[i...].firstIndex(of: 0x3E), close - i < 2000 {
                let tag = String(decoding: bytes[(i + 1)..<close], as: UTF8.self).lowercased()
                let name = tag.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber })
                if ["br", "p", "div", "li"].contains(name) { out.append(0x0A) }
                i = close + 1
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        let decoded = CharacterReference.decodeText(out)
        return decoded.split(separator: "\n").map { $0.collapsingWhitespace() }.filter { !$0.isEmpty }.joined(separator: "\n")
    }
}

private extension Substring {
    func collapsingWhitespace() -> String { String(self).collapsingWhitespace() }
}

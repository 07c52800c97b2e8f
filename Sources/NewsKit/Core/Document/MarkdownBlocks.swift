import Foundation

/// Reads a Markdown body as blocks: ATX headings, paragraphs (lines joined), list items,
/// block quotes, fenced code, images (`![alt](src)`); inline markup is reduced to its text.
enum MarkdownBlocks {
    static func blocks(of markdown: Substring) -> [Block] {
        var blocks: [Block] = []
        var paragraph: [String] = []
        var inFence = false
        var fence: [String] = []

        func add(_ text: String, _ role: Block.Role, image: Block.Image? = nil, links: [Block.Link] = []) {
            let t = text.collapsingWhitespace()
            guard !t.isEmpty || image != nil else { return }
            blocks.append(Block(text: t.nfc, role: role, links: links, image: image, index: blocks.count))
        }
        func flushParagraph() {
            if !paragraph.isEmpty {
                let (text, links) = inline(paragraph.joined(separator: " "))
                add(text, .paragraph, links: links)
                paragraph.removeAll()
            }
        }

        for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = String(rawLine)
            if line.hasSuffix("\r") { line.removeLast() }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                if inFence { add(fence.joined(separator: "\n"), .preformatted); fence = [] } else { flushParagraph() }
                inFence.toggle()
                continue
            }
            if inFence { fence.append(line); continue }
            if trimmed.isEmpty { flushParagraph(); continue }
            if trimmed.hasPrefix("#") {
                let level = trimmed.prefix { $0 == "#" }.count
                if level <= 6, trimmed.dropFirst(level).first == " " {
                    flushParagraph()
                    add(inline(String(trimmed.dropFirst(level)).trimmingCharacters(in: CharacterSet(charactersIn: "# "))).text, .heading(level))
                    continue
                }
            }
            if trimmed.hasPrefix(">") {
                flushParagraph()
                add(inline(String(trimmed.drop { $0 == ">" || $0 == " " })).text, .quote)
                continue
            }
            if let item = listItemText(trimmed) {
                flushParagraph()
                let (text, links) = inline(item)
                add(text, .listItem, links: links)
                continue
            }
            if trimmed.hasPrefix("!["), let image = imageSyntax(trimmed) {
                flushParagraph()
                add(image.alt ?? "", .image, image: image)
                continue
            }
            if trimmed.allSatisfy({ $0 == "-" || $0 == "*" || $0 == "_" || $0 == " " }) && trimmed.count >= 3 {
                flushParagraph(); continue   // thematic break
            }
            paragraph.append(trimmed)
        }
        flushParagraph()
        if inFence { add(fence.joined(separator: "\n"), .preformatted) }
        return blocks
    }

    static func listItemText(_ line: String) -> String? {
        for marker in ["- ", "* ", "+ "] where line.hasPrefix(marker) { return String(line.dropFirst(2)) }
        let digits = line.prefix { $0.isNumber }
        if !digits.isEmpty, digits.count <= 3 {
            let rest = line.dropFirst(digits.count)
            if rest.hasPrefix(". ") || rest.hasPrefix(") ") { return String(rest.dropFirst(2)) }
        }
        return nil
    }

    static func imageSyntax(_ line: String) -> Block.Image? {
        guard let closeAlt = line.range(of: "]("), let closeURL = line.lastIndex(of: ")") else { return nil }
        let alt = String(line[line.index(line.startIndex, offsetBy: 2)..<closeAlt.lowerBound])
        var url = String(line[closeAlt.upperBound..<closeURL])
        if let space = url.firstIndex(of: " ") { url = String(url[..<space]) }
        return Block.Image(url: url, alt: alt.isEmpty ? nil : alt)
    }

    /// Inline Markdown reduced to text: links keep their text, emphasis and code marks go, tags go.
    static func inline(_ s: String) -> (text: String, links: [Block.Link]) {
        var out = ""
        var links: [Block.Link] = []
        let chars = Array(s)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "!" && i + 1 < chars.count && chars[i + 1] == "[" { i += 1; continue }
            if c == "[", let close = chars[i...].firstIndex(of: "]"), close + 1 < chars.count, chars[close + 1] == "(",
               let paren = chars[(close + 1)...].firstIndex(of: ")") {
                let text = String(chars[(i + 1)..<close])
                links.append(Block.Link(url: String(chars[(close + 2)..<paren]), text: text))
                out += text
                i = paren + 1
                continue
            }
            if c == "<", let close = chars[i...].firstIndex(of: ">"), close - i < 200 { i = close + 1; continue }
            if c == "*" || c == "`" || (c == "_" && (i == 0 || chars[i - 1] == " " || i + 1 == chars.count || chars[i + 1] == " " || chars[i + 1] == "_")) {
                i += 1; continue
            }
            out.append(c)
            i += 1
        }
        return (out, links)
    }
}


import Foundation

/// The metadata block at the top of a blog post file (`---` YAML `---`, or `+++` TOML `+++`),
/// as written by Jekyll, Hugo, Astro and friends.
///
/// The parser reads the subset such files use: `key: value` scalars (plain, single- and
/// double-quoted), folded (`>`) and literal (`|`) block scalars, block and flow (`[a, b]`)
/// sequences, nested mappings, comments; and TOML `key = value` lines.
public struct FrontMatter: Sendable, Hashable {
    /// A front-matter value.
    public indirect enum Value: Sendable, Hashable {
        /// A scalar, unquoted and with block scalars joined; numbers, dates and booleans stay text.
        case string(String)
        /// A block (`- a`) or flow (`[a, b]`) sequence.
        case list([Value])
        /// A nested mapping, its entries in file order.
        case map([Entry])

        /// The value as a string (a list's first element, a map: nil).
        public var string: String? {
            switch self {
            case .string(let s): return s
            case .list(let l): return l.first?.string
            case .map: return nil
            }
        }

        /// The value as a list of strings (a scalar becomes a one-element list).
        public var strings: [String] {
            switch self {
            case .string(let s): return s.isEmpty ? [] : [s]
            case .list(let l): return l.compactMap { $0.string }
            case .map: return []
            }
        }
    }

    /// One `key: value` pair.
    public struct Entry: Sendable, Hashable {
        /// The key as written, without quotes; keys are compared case-sensitively.
        public var key: String
        /// The value.
        public var value: Value
    }

    /// The entries in file order.
    public var entries: [Entry]

    /// The value of the first top-level entry with this key.
    /// - Parameter key: the key, compared exactly (`title`, not `Title`).
    /// - Returns: the value; nil when no entry has the key.
    public subscript(key: String) -> Value? {
        entries.first { $0.key == key }?.value
    }

    /// The first string among these keys (e.g. `string("excerpt", "description")`).
    /// - Parameter keys: the keys to try, in order.
    /// - Returns: the first non-empty ``Value/string`` among them; nil when none has one.
    public func string(_ keys: String...) -> String? {
        for k in keys { if let s = self[k]?.string, !s.isEmpty { return s } }
        return nil
    }

    /// The strings of a list (or scalar) value.
    /// - Parameter key: the key, compared exactly.
    /// - Returns: the value's ``Value/strings``; empty when the key is missing, its value is
    ///   empty or a map.
    public func strings(_ key: String) -> [String] { self[key]?.strings ?? [] }

    /// Splits a file into its front matter and body, if it starts with one.
    /// - Parameter text: the whole file; a leading BOM and blank lines are skipped.
    /// - Returns: the parsed front matter and the text after its closing fence (`---`, `...`
    ///   or `+++`); nil when the text does not open with `---` or `+++` and a closing fence.
    public static func split(_ text: String) -> (frontMatter: FrontMatter, body: Substring)? {
        var t = Substring(text)
        while let f = t.first, f == "\u{FEFF}" || f == "\n" || f == "\r" { t = t.dropFirst() }
        let fence: String
        if t.hasPrefix("---") { fence = "---" } else if t.hasPrefix("+++") { fence = "+++" } else { return nil }
        guard let firstNewline = t.firstIndex(of: "\n"), t[t.startIndex..<firstNewline].trimmingCharacters(in: .whitespaces) == fence else { return nil }
        var headerLines: [Substring] = []
        var cursor = t.index(after: firstNewline)
        while cursor < t.endIndex {
            let lineEnd = t[cursor...].firstIndex(of: "\n") ?? t.endIndex
            var line = t[cursor..<lineEnd]
            if line.hasSuffix("\r") { line = line.dropLast() }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == fence || (fence == "---" && trimmed == "...") {
                let bodyStart = lineEnd < t.endIndex ? t.index(after: lineEnd) : t.endIndex
                let fm = fence == "---" ? parseYAML(headerLines) : parseTOML(headerLines)
                return (fm, t[bodyStart...])
            }
            headerLines.append(line)
            cursor = lineEnd < t.endIndex ? t.index(after: lineEnd) : t.endIndex
        }
        return nil
    }

    // MARK: YAML subset

    static func parseYAML(_ lines: [Substring]) -> FrontMatter {
        var parser = YAMLSubsetParser(lines: lines.map(String.init))
        return FrontMatter(entries: parser.mapping(indent: 0))
    }

    static func parseTOML(_ lines: [Substring]) -> FrontMatter {
        var entries: [Entry] = []
        for raw in lines {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("[") { continue }
            guard let eq = line.firstIndex(of: "=") else { continue }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            let value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("[") {
                entries.append(Entry(key: key, value: .list(YAMLSubsetParser.flowItems(value).map { .string($0) })))
            } else {
                entries.append(Entry(key: key, value: .string(YAMLSubsetParser.scalar(value))))
            }
        }
        return FrontMatter(entries: entries)
    }
}

/// Line-based reader for the YAML subset of front matter.
struct YAMLSubsetParser {
    let lines: [String]
    var i = 0

    init(lines: [String]) { self.lines = lines }

    static func indentOf(_ line: String) -> Int { line.prefix { $0 == " " }.count }

    static func isBlank(_ line: String) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        return t.isEmpty || t.hasPrefix("#")
    }

    /// Parses `key: value` lines at exactly `indent`.
    mutating func mapping(indent: Int) -> [FrontMatter.Entry] {
        var entries: [FrontMatter.Entry] = []
        while i < lines.count {
            let line = lines[i]
            if YAMLSubsetParser.isBlank(line) { i += 1; continue }
            let ind = YAMLSubsetParser.indentOf(line)
            if ind < indent { break }
            if ind > indent { i += 1; continue }   // stray deeper line
            let content = String(line.dropFirst(ind))
            guard let colon = YAMLSubsetParser.keyColon(content) else { i += 1; continue }
            let key = YAMLSubsetParser.scalar(String(content[..<colon]))
            let rest = String(content[content.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            i += 1
            entries.append(FrontMatter.Entry(key: key, value: value(after: rest, indent: indent)))
        }
        return entries
    }

    /// The value for a key whose inline remainder is `rest`.
    mutating func value(after rest: String, indent: Int) -> FrontMatter.Value {
        if rest.isEmpty || rest.hasPrefix("#") {
            // A nested block: a sequence or a mapping, more indented (sequences may sit at the same indent).
            var j = i
            while j < lines.count && YAMLSubsetParser.isBlank(lines[j]) { j += 1 }
            guard j < lines.count else { return .string("") }
            let ind = YAMLSubsetParser.indentOf(lines[j])
            let content = lines[j].dropFirst(ind)
            if content.hasPrefix("- ") || content == "-" {
                guard ind >= indent else { return .string("") }
                i = j
                return .list(sequence(indent: ind))
            }
            guard ind > indent else { return .string("") }
            i = j
            return .map(mapping(indent: ind))
        }
        if rest.hasPrefix(">") || rest.hasPrefix("|") {
            return .string(blockScalar(folded: rest.hasPrefix(">"), parentIndent: indent))
        }
        if rest.hasPrefix("[") {
            return .list(YAMLSubsetParser.flowItems(rest).map { .string($0) })
        }
        // A plain scalar may continue on more-indented lines.
        var text = YAMLSubsetParser.scalar(rest)
        if !(rest.hasPrefix("\"") || rest.hasPrefix("'")) {
            while i < lines.count, !YAMLSubsetParser.isBlank(lines[i]), YAMLSubsetParser.indentOf(lines[i]) > indent,
                  YAMLSubsetParser.keyColon(lines[i].trimmingCharacters(in: .whitespaces)) == nil {
                text += " " + lines[i].trimmingCharacters(in: .whitespaces)
                i += 1
            }
        }
        return .string(text)
    }

    mutating func sequence(indent: Int) -> [FrontMatter.Value] {
        var items: [FrontMatter.Value] = []
        while i < lines.count {
            let line = lines[i]
            if YAMLSubsetParser.isBlank(line) { i += 1; continue }
            let ind = YAMLSubsetParser.indentOf(line)
            let content = String(line.dropFirst(ind))
            guard ind == indent, content.hasPrefix("-") else { break }
            let rest = String(content.dropFirst()).trimmingCharacters(in: .whitespaces)
            i += 1
            if let colon = YAMLSubsetParser.keyColon(rest), !rest.hasPrefix("\""), !rest.hasPrefix("'") {
                // "- key: value" starts a mapping item.
                var entries = [FrontMatter.Entry(key: YAMLSubsetParser.scalar(String(rest[..<colon])),
                                                 value: value(after: String(rest[rest.index(after: colon)...]).trimmingCharacters(in: .whitespaces), indent: ind + 2))]
                entries += mapping(indent: ind + 2)
                items.append(.map(entries))
            } else {
                items.append(value(after: rest, indent: ind))
            }
        }
        return items
    }

    mutating func blockScalar(folded: Bool, parentIndent: Int) -> String {
        var collected: [String] = []
        var blockIndent: Int? = nil
        while i < lines.count {
            let line = lines[i]
            if line.trimmingCharacters(in: .whitespaces).isEmpty { collected.append(""); i += 1; continue }
            let ind = YAMLSubsetParser.indentOf(line)
            if ind <= parentIndent { break }
            if blockIndent == nil { blockIndent = ind }
            collected.append(String(line.dropFirst(min(ind, blockIndent!))))
            i += 1
        }
        while collected.last == "" { collected.removeLast() }
        if !folded { return collected.joined(separator: "\n") }
        var out = ""
        for line in collected {
            if line.isEmpty { out += "\n"; continue }
            if !out.isEmpty && !out.hasSuffix("\n") { out += " " }
            out += line
        }
        return out
    }

    /// The index of the `:` that ends a mapping key (followed by a space or the end), outside quotes.
    static func keyColon(_ s: String) -> String.Index? {
        var quote: Character? = nil
        var idx = s.startIndex
        while idx < s.endIndex {
            let c = s[idx]
            if let q = quote { if c == q { quote = nil } }
            else if c == "\"" || c == "'" { if idx == s.startIndex { quote = c } }
            else if c == "#" && idx > s.startIndex && s[s.index(before: idx)] == " " { return nil }
            else if c == ":" {
                let next = s.index(after: idx)
                if next == s.endIndex || s[next] == " " { return idx == s.startIndex ? nil : idx }
            }
            idx = s.index(after: idx)
        }
        return nil
    }

    /// A scalar: quotes removed (with escapes), a trailing ` # comment` dropped from plain ones.
    static func scalar(_ raw: String) -> String {
        var t = raw.trimmingCharacters(in: .whitespaces)
        // A quoted scalar ends at its closing quote; anything after it (a comment) is dropped.
        if let q = t.first, q == "\"" || q == "'" {
            var idx = t.index(after: t.startIndex)
            while idx < t.endIndex {
                if t[idx] == "\\" && q == "\"" { idx = t.index(after: idx); if idx == t.endIndex { break } }
                else if t[idx] == q {
                    let next = t.index(after: idx)
                    if q == "'" && next < t.endIndex && t[next] == "'" { idx = t.index(after: next); continue }
                    t = String(t[...idx])
                    break
                }
                idx = t.index(after: idx)
            }
        }
        if t.count >= 2, t.hasPrefix("\""), t.hasSuffix("\"") {
            var out = ""
            var it = t.dropFirst().dropLast().makeIterator()
            while let c = it.next() {
                if c == "\\", let n = it.next() {
                    switch n {
                    case "n": out.append("\n")
                    case "t": out.append("\t")
                    case "u":
                        var hex = ""
                        for _ in 0..<4 { if let h = it.next() { hex.append(h) } }
                        if let v = UInt32(hex, radix: 16), let s = Unicode.Scalar(v) { out.unicodeScalars.append(s) }
                    default: out.append(n)
                    }
                } else {
                    out.append(c)
                }
            }
            return out
        }
        if t.count >= 2, t.hasPrefix("'"), t.hasSuffix("'") {
            return String(t.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
        }
        if let hash = t.range(of: " #") { return String(t[..<hash.lowerBound]).trimmingCharacters(in: .whitespaces) }
        return t
    }

    /// Items of a flow sequence `[a, "b, c", 'd']`.
    static func flowItems(_ raw: String) -> [String] {
        var t = raw.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("[") { t.removeFirst() }
        if let close = t.lastIndex(of: "]") { t = String(t[..<close]) }
        var items: [String] = []
        var current = ""
        var quote: Character? = nil
        for c in t {
            if let q = quote {
                current.append(c)
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c; current.append(c)
            } else if c == "," {
                items.append(scalar(current)); current = ""
            } else {
                current.append(c)
            }
        }
        if !current.trimmingCharacters(in: .whitespaces).isEmpty { items.append(scalar(current)) }
        return items.filter { !$0.isEmpty }
    }
}

/// Writes an article as compact JSON straight into bytes: the same text `JSONEncoder` makes with
/// `.sortedKeys` and `.withoutEscapingSlashes` (a test holds the two equal), several times
/// faster, as the demo and the JSON Lines sink write one line per article.
///
/// Each type lists its keys in sorted order by hand; a key added to a `Codable` conformance
/// must be added here too, or the equality test fails.
struct JSONByteWriter {
    var bytes: [UInt8] = []

    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// A string literal, escaped as JSONEncoder does: quote, backslash and control characters.
    mutating func string(_ s: String) {
        bytes.append(0x22)
        var copy = s
        copy.withUTF8 { b in
            var runStart = 0
            for i in 0..<b.count {
                let c = b[i]
                guard c < 0x20 || c == 0x22 || c == 0x5C else { continue }
                if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[runStart..<i])) }
                switch c {
                case 0x22: bytes.append(0x5C); bytes.append(0x22)
                case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
                case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
                case 0x0D: bytes.append(0x5C); bytes.append(0x72)
                case 0x09: bytes.append(0x5C); bytes.append(0x74)
                case 0x08: bytes.append(0x5C); bytes.append(0x62)
                case 0x0C: bytes.append(0x5C); bytes.append(0x66)
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(c >> 4)], hex[Int(c & 0x0F)]])
                }
                runStart = i + 1
            }
            if runStart < b.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[runStart..<b.count])) }
        }
        bytes.append(0x22)
    }

    mutating func optional(_ s: String?) {
        if let s { string(s) } else { raw("null") }
    }

    mutating func int(_ v: Int) {
        bytes.append(contentsOf: String(v).utf8)
    }

    mutating func strings(_ list: [String]) {
        bytes.append(0x5B)
        for (k, s) in list.enumerated() {
            if k > 0 { bytes.append(0x2C) }
            string(s)
        }
        bytes.append(0x5D)
    }

    mutating func array<T>(_ list: [T], _ write: (inout JSONByteWriter, T) -> Void) {
        bytes.append(0x5B)
        for (k, v) in list.enumerated() {
            if k > 0 { bytes.append(0x2C) }
            write(&self, v)
        }
        bytes.append(0x5D)
    }

    /// `"key":` (with a leading comma unless first).
    mutating func key(_ k: StaticString, first: Bool = false) {
        if !first { bytes.append(0x2C) }
        bytes.append(0x22)
        raw(k)
        bytes.append(0x22)
        bytes.append(0x3A)
    }
}

extension Article {
    /// The article as compact JSON bytes with sorted keys (see ``jsonLine``).
    func writeJSON(_ w: inout JSONByteWriter) {
        w.raw("{")
        w.key("adapter", first: true); w.raw("{\"id\":"); w.string(adapter.id); w.raw(",\"version\":"); w.string(adapter.version); w.raw("}")
        w.key("agency"); w.optional(agency)
        w.key("authors"); w.array(authors) { w, a in
            w.raw("{\"email\":"); w.optional(a.email); w.raw(",\"name\":"); w.string(a.name); w.raw(",\"role\":"); w.optional(a.role); w.raw("}")
        }
        w.key("body"); w.array(body) { w, b in
            w.raw("{\"kind\":"); w.string(b.kind.rawValue); w.raw(",\"text\":"); w.string(b.text); w.raw("}")
        }
        w.key("canonicalURL"); w.optional(canonicalURL)
        w.key("categories"); w.strings(categories)
        w.key("dateline"); w.optional(dateline)
        w.key("duplicateOf"); w.optional(duplicateOf)
        w.key("entities"); w.array(entities) { w, e in
            w.raw("{\"aliases\":"); w.strings(e.aliases)
            w.raw(",\"englishName\":"); w.optional(e.englishName)
            w.raw(",\"mentions\":"); w.int(e.mentions)
            w.raw(",\"name\":"); w.string(e.name)
            w.raw(",\"spans\":"); w.array(e.spans) { w, s in
                w.raw("{\"end\":"); w.int(s.end); w.raw(",\"start\":"); w.int(s.start); w.raw("}")
            }
            w.raw(",\"type\":"); w.string(e.type.rawValue)
            w.raw(",\"wikidata\":"); w.optional(e.wikidata)
            w.raw("}")
        }
        w.key("eventDates"); w.array(eventDates) { w, d in
            w.raw("{\"date\":"); w.string(d.date); w.raw(",\"expression\":"); w.string(d.expression)
            w.raw(",\"sentence\":"); w.string(d.sentence); w.raw("}")
        }
        w.key("file"); w.optional(file)
        w.key("id"); w.string(id)
        w.key("images"); w.array(images) { w, i in
            w.raw("{\"caption\":"); w.optional(i.caption); w.raw(",\"credit\":"); w.optional(i.credit)
            w.raw(",\"title\":"); w.optional(i.title); w.raw(",\"url\":"); w.optional(i.url); w.raw("}")
        }
        w.key("kicker"); w.optional(kicker)
        w.key("language"); w.optional(language)
        w.key("origin")
        if let o = origin {
            w.raw("{\"articleID\":"); w.optional(o.articleID); w.raw(",\"name\":"); w.string(o.name)
            w.raw(",\"publishedAt\":"); w.optional(o.publishedAt?.iso8601); w.raw(",\"title\":"); w.optional(o.title)
            w.raw(",\"url\":"); w.optional(o.url); w.raw("}")
        } else {
            w.raw("null")
        }
        w.key("pageKind"); w.string(pageKind.rawValue)
        w.key("publishedAt"); w.optional(publishedAt?.iso8601)
        w.key("related"); w.array(related) { w, t in
            w.raw("{\"section\":"); w.optional(t.section); w.raw(",\"summary\":"); w.optional(t.summary)
            w.raw(",\"title\":"); w.optional(t.title); w.raw(",\"url\":"); w.optional(t.url); w.raw("}")
        }
        w.key("source")
        w.raw("{\"homepage\":"); w.optional(source.homepage); w.raw(",\"id\":"); w.string(source.id)
        w.raw(",\"kind\":"); w.string(source.kind.rawValue); w.raw(",\"name\":"); w.optional(source.name); w.raw("}")
        w.key("storyID"); w.optional(storyID)
        w.key("subtitles"); w.strings(subtitles)
        w.key("summary"); w.optional(summary)
        w.key("tags"); w.strings(tags)
        w.key("text"); w.string(text)
        w.key("title"); w.optional(title)
        w.key("updatedAt"); w.optional(updatedAt?.iso8601)
        w.key("url"); w.optional(url?.absoluteString)
        w.key("warnings"); w.strings(warnings)
        w.raw("}")
    }

    /// The compact JSON bytes of the article (sorted keys, Hangul and slashes unescaped).
    public var jsonBytes: [UInt8] {
        var w = JSONByteWriter(capacity: 1024 + body.reduce(0) { $0 + $1.text.utf8.count } * 2)
        writeJSON(&w)
        return w.bytes
    }
}

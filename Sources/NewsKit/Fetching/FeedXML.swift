import Foundation
import NewsKitCore
import NewsKitHTML

/// A lenient XML reader for feeds and sitemaps: elements, attributes, text, CDATA, character
/// references and comments, tolerant of the errors real feeds make (unclosed tags, stray `&`,
/// HTML entities). Works on bytes; names keep their prefix (`news:title`).
package enum FeedXML {
    /// Elements nested deeper than this become siblings at this depth (feeds and sitemaps nest
    /// five or six levels).
    package static let maximumDepth = 256

    /// Parses a document; returns the root element (a synthetic `#document` holding the top level).
    package static func parse(_ bytes: [UInt8]) -> FeedXML.Element {
        var stack: [FeedXML.Element] = [FeedXML.Element(name: "#document", attributes: [:], children: [], text: "")]
        var i = 0
        let n = bytes.count
        var text: [UInt8] = []
        func flushText() {
            if !text.isEmpty {
                stack[stack.count - 1].text += decodeEntities(text)
                text.removeAll(keepingCapacity: true)
            }
        }
        // How many open elements have each name: an end tag that matches none is skipped at once.
        var openNames: [String: Int] = [:]
        func closeTop() {
            let e = stack.removeLast()
            openNames[e.name, default: 1] -= 1
            stack[stack.count - 1].children.append(e)
        }
        while i < n {
            let c = bytes[i]
            if c != 0x3C { text.append(c); i += 1; continue }
            if starts(bytes, i, "<![CDATA[") {
                let start = i + 9
                let end = find(bytes, start, "]]>") ?? n
                flushText()
                stack[stack.count - 1].text += String(decoding: bytes[start..<end], as: UTF8.self)
                i = min(n, end + 3)
                continue
            }
            if starts(bytes, i, "<!--") { i = min(n, (find(bytes, i + 4, "-->") ?? n) + 3); continue }
            if starts(bytes, i, "<?") || starts(bytes, i, "<!") { i = min(n, (find(bytes, i, ">") ?? n) + 1); continue }
            flushText()
            guard let close = findTagEnd(bytes, i) else { text.append(c); i += 1; continue }
            let inner = bytes[(i + 1)..<close]
            i = close + 1
            if inner.first == 0x2F {   // end tag
                var nameBytes = inner.dropFirst()
                while let c = nameBytes.first, c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { nameBytes = nameBytes.dropFirst() }
                while let c = nameBytes.last, c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { nameBytes = nameBytes.dropLast() }
                let name = String(decoding: nameBytes, as: UTF8.self)
                // Close up to the matching open element, if there is one (tolerating unclosed children).
                if openNames[name, default: 0] > 0, let k = stack.lastIndex(where: { $0.name == name }), k > 0 {
                    while stack.count > k { closeTop() }
                }
                continue
            }
            let selfClosing = inner.last == 0x2F
            let body = selfClosing ? inner.dropLast() : inner
            let (name, attributes) = parseTag(body)
            guard !name.isEmpty else { continue }
            // Depth is capped where input enters: deeper elements become siblings at the cap, so
            // closing tags search a bounded stack and the finished tree is never deep enough to
            // overflow the stack when it is destroyed.
            if stack.count > maximumDepth { closeTop() }
            stack.append(FeedXML.Element(name: name, attributes: attributes, children: [], text: ""))
            openNames[name, default: 0] += 1
            if selfClosing { closeTop() }
        }
        flushText()
        while stack.count > 1 { closeTop() }
        return stack[0]
    }

    static func starts(_ b: [UInt8], _ i: Int, _ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard i + n <= b.count else { return false }
        let p = s.utf8Start
        for k in 0..<n where b[i + k] != p[k] { return false }
        return true
    }

    static func find(_ b: [UInt8], _ from: Int, _ s: StaticString) -> Int? {
        var i = from
        while i < b.count { if starts(b, i, s) { return i }; i += 1 }
        return nil
    }

    /// The `>` ending the tag at `i`, skipping quoted attribute values.
    static func findTagEnd(_ b: [UInt8], _ i: Int) -> Int? {
        var k = i + 1
        var quote: UInt8 = 0
        while k < b.count {
            let c = b[k]
            if quote != 0 { if c == quote { quote = 0 } }
            else if c == 0x22 || c == 0x27 { quote = c }
            else if c == 0x3E { return k }
            else if c == 0x3C && k > i + 1 { return nil }   // a stray '<' in text
            k += 1
        }
        return nil
    }

    static func parseTag(_ body: ArraySlice<UInt8>) -> (String, [String: String]) {
        var i = body.startIndex
        let end = body.endIndex
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 }
        let nameStart = i
        while i < end && !isSpace(body[i]) { i += 1 }
        let name = String(decoding: body[nameStart..<i], as: UTF8.self)
        var attributes: [String: String] = [:]
        while i < end {
            while i < end && isSpace(body[i]) { i += 1 }
            let ns = i
            while i < end && body[i] != 0x3D && !isSpace(body[i]) { i += 1 }
            let an = String(decoding: body[ns..<i], as: UTF8.self)
            while i < end && isSpace(body[i]) { i += 1 }
            var value = ""
            if i < end && body[i] == 0x3D {
                i += 1
                while i < end && isSpace(body[i]) { i += 1 }
                if i < end && (body[i] == 0x22 || body[i] == 0x27) {
                    let q = body[i]
                    i += 1
                    let vs = i
                    while i < end && body[i] != q { i += 1 }
                    value = decodeEntities(Array(body[vs..<i]))
                    i += 1
                } else {
                    let vs = i
                    while i < end && !isSpace(body[i]) { i += 1 }
                    value = decodeEntities(Array(body[vs..<i]))
                }
            }
            if !an.isEmpty { attributes[an] = value }
        }
        return (name, attributes)
    }

    /// XML's five entities, numeric references, and HTML's named entities (feeds use them).
    static func decodeEntities(_ bytes: [UInt8]) -> String { CharacterReference.decodeText(bytes) }
}

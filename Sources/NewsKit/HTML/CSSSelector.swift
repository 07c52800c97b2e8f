/// A CSS selector, compiled once and run against any number of documents.
///
/// Supported: type and `*`, `#id`, `.class`, `[attr]`, `[attr=v]`, `[attr~=v]`, `[attr^=v]`,
/// `[attr$=v]`, `[attr*=v]`, `[attr|=v]` (values quoted or not, `i` flag for ASCII case-insensitive),
/// the descendant, child (`>`), next-sibling (`+`) and subsequent-sibling (`~`) combinators,
/// selector lists (`a, b`), `:not(…)`, `:first-child`, `:last-child`, `:only-child`,
/// `:nth-child(an+b | odd | even)`, `:nth-last-child(…)`, `:first-of-type`, `:empty`.
///
/// ```swift
/// let lead = try CSSSelector("article#story > p.lead:not(.ad), h1")
/// for p in document.select(lead) { print(p.textContent) }
/// ```
public struct CSSSelector: Sendable, Hashable, CustomStringConvertible {
    let alternatives: [Complex]
    /// The source text the selector was compiled from.
    public let description: String

    /// Compiles a selector.
    /// - Parameter source: the selector text, a list of complex selectors separated by commas.
    /// - Throws: ``CSSSelectorError`` naming the offset and the problem.
    public init(_ source: String) throws(CSSSelectorError) {
        var parser = SelectorParser(Array(source.utf8))
        alternatives = try parser.parseList(stopAtParen: false)
        description = source
    }

    enum Combinator: UInt8, Sendable, Hashable { case descendant, child, nextSibling, subsequentSibling }

    struct Complex: Sendable, Hashable {
        var compounds: [Compound]
        /// combinators[i] joins compounds[i] (left) and compounds[i + 1] (right).
        var combinators: [Combinator]
    }

    struct Compound: Sendable, Hashable {
        var tag: String?      // nil = any
        var conditions: [Condition] = []
    }

    enum AttributeOperator: UInt8, Sendable, Hashable { case exists, equals, includes, prefix, suffix, contains, dashMatch }

    indirect enum Condition: Sendable, Hashable {
        case id(String)
        case className(String)
        case attribute(name: String, op: AttributeOperator, value: String, caseInsensitive: Bool)
        case not([Complex])
        case nthChild(a: Int, b: Int, fromEnd: Bool, ofType: Bool)
        case onlyChild
        case empty
    }
}

private struct SelectorParser {
    let s: [UInt8]
    var i = 0

    init(_ s: [UInt8]) { self.s = s }

    func fail(_ reason: String) -> CSSSelectorError {
        CSSSelectorError(selector: String(decoding: s, as: UTF8.self), offset: i, reason: reason)
    }

    var atEnd: Bool { i >= s.count }
    var peek: UInt8? { i < s.count ? s[i] : nil }

    mutating func skipSpace() -> Bool {
        let start = i
        while i < s.count && (s[i] == 0x20 || s[i] == 0x09 || s[i] == 0x0A || s[i] == 0x0C || s[i] == 0x0D) { i += 1 }
        return i > start
    }

    static func isNameByte(_ c: UInt8) -> Bool {
        (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || c >= 0x30 && c <= 0x39 || c == 0x2D || c == 0x5F || c >= 0x80
    }

    mutating func name() throws(CSSSelectorError) -> String {
        var out: [UInt8] = []
        while i < s.count {
            let c = s[i]
            if SelectorParser.isNameByte(c) { out.append(c); i += 1 }
            else if c == 0x5C && i + 1 < s.count { out.append(s[i + 1]); i += 2 }   // escaped character
            else { break }
        }
        if out.isEmpty { throw fail("expected a name") }
        return String(decoding: out, as: UTF8.self)
    }

    mutating func parseList(stopAtParen: Bool) throws(CSSSelectorError) -> [CSSSelector.Complex] {
        var list: [CSSSelector.Complex] = []
        while true {
            _ = skipSpace()
            list.append(try parseComplex())
            _ = skipSpace()
            if atEnd { break }
            if peek == 0x2C { i += 1; continue }
            if stopAtParen && peek == 0x29 { break }
            throw fail("unexpected character")
        }
        if !stopAtParen && !atEnd { throw fail("trailing characters") }
        return list
    }

    mutating func parseComplex() throws(CSSSelectorError) -> CSSSelector.Complex {
        var compounds = [try parseCompound()]
        var combinators: [CSSSelector.Combinator] = []
        while true {
            let hadSpace = skipSpace()
            guard let c = peek, c != 0x2C, c != 0x29 else { break }
            var comb = CSSSelector.Combinator.descendant
            if c == 0x3E { comb = .child; i += 1 }
            else if c == 0x2B { comb = .nextSibling; i += 1 }
            else if c == 0x7E { comb = .subsequentSibling; i += 1 }
            else if !hadSpace { throw fail("expected a combinator") }
            _ = skipSpace()
            combinators.append(comb)
            compounds.append(try parseCompound())
        }
        return CSSSelector.Complex(compounds: compounds, combinators: combinators)
    }

    mutating func parseCompound() throws(CSSSelectorError) -> CSSSelector.Compound {
        var compound = CSSSelector.Compound()
        var any = false
        if peek == 0x2A { i += 1; any = true }
        else if let c = peek, SelectorParser.isNameByte(c) || c == 0x5C {
            compound.tag = try name().lowercased()
            any = true
        }
        while let c = peek {
            switch c {
            case 0x23: // #
                i += 1; compound.conditions.append(.id(try name()))
            case 0x2E: // .
                i += 1; compound.conditions.append(.className(try name()))
            case 0x5B: // [
                i += 1; compound.conditions.append(try attribute())
            case 0x3A: // :
                i += 1; compound.conditions.append(try pseudo())
            default:
                if !any && compound.conditions.isEmpty { throw fail("expected a selector") }
                return compound
            }
            any = true
        }
        if !any { throw fail("expected a selector") }
        return compound
    }

    mutating func attribute() throws(CSSSelectorError) -> CSSSelector.Condition {
        _ = skipSpace()
        let attr = try name().lowercased()
        _ = skipSpace()
        guard let c = peek else { throw fail("unterminated attribute selector") }
        if c == 0x5D { i += 1; return .attribute(name: attr, op: .exists, value: "", caseInsensitive: false) }
        var op: CSSSelector.AttributeOperator
        switch c {
        case 0x3D: op = .equals
        case 0x7E: op = .includes
        case 0x5E: op = .prefix
        case 0x24: op = .suffix
        case 0x2A: op = .contains
        case 0x7C: op = .dashMatch
        default: throw fail("unknown attribute operator")
        }
        i += op == .equals ? 1 : 2
        if op != .equals && (i > s.count || s[i - 1] != 0x3D) { throw fail("expected '='") }
        _ = skipSpace()
        var value: [UInt8] = []
        if let q = peek, q == 0x22 || q == 0x27 {
            i += 1
            while i < s.count && s[i] != q {
                if s[i] == 0x5C && i + 1 < s.count { i += 1 }
                value.append(s[i]); i += 1
            }
            if atEnd { throw fail("unterminated string") }
            i += 1
        } else {
            value = Array(try name().utf8)
        }
        _ = skipSpace()
        var ci = false
        if let f = peek, f | 0x20 == 0x69 { ci = true; i += 1; _ = skipSpace() }
        guard peek == 0x5D else { throw fail("expected ']'") }
        i += 1
        return .attribute(name: attr, op: op, value: String(decoding: value, as: UTF8.self), caseInsensitive: ci)
    }

    mutating func pseudo() throws(CSSSelectorError) -> CSSSelector.Condition {
        let p = try name().lowercased()
        switch p {
        case "first-child": return .nthChild(a: 0, b: 1, fromEnd: false, ofType: false)
        case "last-child": return .nthChild(a: 0, b: 1, fromEnd: true, ofType: false)
        case "first-of-type": return .nthChild(a: 0, b: 1, fromEnd: false, ofType: true)
        case "last-of-type": return .nthChild(a: 0, b: 1, fromEnd: true, ofType: true)
        case "only-child": return .onlyChild
        case "empty": return .empty
        case "not":
            guard peek == 0x28 else { throw fail("expected '('") }
            i += 1
            let list = try parseList(stopAtParen: true)
            guard peek == 0x29 else { throw fail("expected ')'") }
            i += 1
            return .not(list)
        case "nth-child", "nth-last-child", "nth-of-type", "nth-last-of-type":
            guard peek == 0x28 else { throw fail("expected '('") }
            i += 1
            _ = skipSpace()
            var arg: [UInt8] = []
            while i < s.count && s[i] != 0x29 { arg.append(s[i]); i += 1 }
            guard peek == 0x29 else { throw fail("expected ')'") }
            i += 1
            guard let (a, b) = SelectorParser.parseNth(String(decoding: arg, as: UTF8.self)) else { throw fail("invalid an+b") }
            return .nthChild(a: a, b: b, fromEnd: p.contains("last"), ofType: p.hasSuffix("of-type"))
        default:
            throw fail("unsupported pseudo-class :\(p)")
        }
    }

    static func parseNth(_ raw: String) -> (Int, Int)? {
        let t = raw.lowercased().filter { !$0.isWhitespace }
        if t == "odd" { return (2, 1) }
        if t == "even" { return (2, 0) }
        if let n = Int(t) { return (0, n) }
        guard let nIndex = t.firstIndex(of: "n") else { return nil }
        let aPart = String(t[..<nIndex])
        let bPart = String(t[t.index(after: nIndex)...])
        let a: Int
        switch aPart {
        case "", "+": a = 1
        case "-": a = -1
        default: guard let v = Int(aPart) else { return nil }; a = v
        }
        var b = 0
        if !bPart.isEmpty {
            guard let v = Int(bPart.hasPrefix("+") ? String(bPart.dropFirst()) : bPart) else { return nil }
            b = v
        }
        return (a, b)
    }
}

// MARK: Matching

extension HTMLNode {
    /// Descendant elements of this node that match the selector, in document order.
    /// - Parameter selector: the selector to match; the node itself is not a candidate.
    /// - Returns: the matching descendants; empty when none matches.
    public func select(_ selector: CSSSelector) -> [HTMLNode] {
        var matcher = SelectorMatcher(document: document)
        var out: [HTMLNode] = []
        for n in descendants where n.isElement && matcher.matches(selector.alternatives, n) { out.append(n) }
        return out
    }

    /// Descendant elements matching a CSS selector.
    /// - Parameter css: the selector's source text, compiled on each call.
    /// - Returns: the matching descendants in document order; empty when none matches.
    /// - Throws: ``CSSSelectorError`` when `css` is not a valid selector, saying where and why.
    public func select(_ css: String) throws(CSSSelectorError) -> [HTMLNode] {
        select(try CSSSelector(css))
    }

    /// The first descendant element matching the selector.
    /// - Parameter selector: the selector to match; the node itself is not a candidate.
    /// - Returns: the first match in document order, or nil when no descendant matches.
    public func first(_ selector: CSSSelector) -> HTMLNode? {
        var matcher = SelectorMatcher(document: document)
        for n in descendants where n.isElement && matcher.matches(selector.alternatives, n) { return n }
        return nil
    }

    /// Whether this element matches the selector.
    /// - Parameter selector: the selector to test; combinators look at this node's ancestors and siblings.
    /// - Returns: true if the node is an element matching any selector of the list; false for
    ///   text and other nodes.
    public func matches(_ selector: CSSSelector) -> Bool {
        var matcher = SelectorMatcher(document: document)
        return isElement && matcher.matches(selector.alternatives, self)
    }
}

/// Matches compiled selectors against one document, caching name lookups.
struct SelectorMatcher {
    let document: HTMLDocument
    private var nameIDs: [String: UInt32?] = [:]

    init(document: HTMLDocument) { self.document = document }

    mutating func id(_ name: String) -> UInt32? {
        if let cached = nameIDs[name] { return cached }
        let v = document.store.names.id(of: name)
        nameIDs[name] = v
        return v
    }

    mutating func matches(_ list: [CSSSelector.Complex], _ node: HTMLNode) -> Bool {
        for c in list where matches(c, c.compounds.count - 1, node.index) { return true }
        return false
    }

    private mutating func matches(_ c: CSSSelector.Complex, _ k: Int, _ node: Int32) -> Bool {
        guard matchesCompound(c.compounds[k], node) else { return false }
        if k == 0 { return true }
        let nodes = document.store.nodes
        switch c.combinators[k - 1] {
        case .child:
            let p = nodes[Int(node)].parent
            return p >= 0 && nodes[Int(p)].kind == .element && matches(c, k - 1, p)
        case .descendant:
            var p = nodes[Int(node)].parent
            while p >= 0 && nodes[Int(p)].kind == .element {
                if matches(c, k - 1, p) { return true }
                p = nodes[Int(p)].parent
            }
            return false
        case .nextSibling:
            var s = nodes[Int(node)].prev
            while s >= 0 && nodes[Int(s)].kind != .element { s = nodes[Int(s)].prev }
            return s >= 0 && matches(c, k - 1, s)
        case .subsequentSibling:
            var s = nodes[Int(node)].prev
            while s >= 0 {
                if nodes[Int(s)].kind == .element && matches(c, k - 1, s) { return true }
                s = nodes[Int(s)].prev
            }
            return false
        }
    }

    private mutating func matchesCompound(_ compound: CSSSelector.Compound, _ node: Int32) -> Bool {
        let store = document.store
        let r = store.nodes[Int(node)]
        guard r.kind == .element else { return false }
        if let tag = compound.tag {
            guard let tid = id(tag), r.name == tid else { return false }
        }
        for cond in compound.conditions where !matchesCondition(cond, node, r) { return false }
        return true
    }

    private mutating func attributeValue(_ name: String, _ r: NodeRecord) -> ArraySlice<UInt8>? {
        guard let nid = id(name) else { return nil }
        let store = document.store
        for i in Int(r.start)..<Int(r.end) where store.attributes[i].name == nid && store.attributes[i].namespace == .none {
            return store.text[Int(store.attributes[i].valueStart)..<Int(store.attributes[i].valueEnd)]
        }
        return nil
    }

    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D }

    private mutating func matchesCondition(_ cond: CSSSelector.Condition, _ node: Int32, _ r: NodeRecord) -> Bool {
        switch cond {
        case .id(let v):
            guard let a = attributeValue("id", r) else { return false }
            return a.elementsEqual(v.utf8)
        case .className(let v):
            guard let a = attributeValue("class", r) else { return false }
            return a.split(whereSeparator: SelectorMatcher.isSpace).contains { $0.elementsEqual(v.utf8) }
        case .attribute(let name, let op, let value, let ci):
            guard let a = attributeValue(name, r) else { return false }
            let have = ci ? a.map(SelectorMatcher.lower) : Array(a)
            let want = ci ? value.utf8.map(SelectorMatcher.lower) : Array(value.utf8)
            switch op {
            case .exists: return true
            case .equals: return have == want
            case .includes: return !want.isEmpty && have.split(whereSeparator: SelectorMatcher.isSpace).contains { $0.elementsEqual(want) }
            case .prefix: return !want.isEmpty && have.starts(with: want)
            case .suffix: return !want.isEmpty && have.count >= want.count && have[(have.count - want.count)...].elementsEqual(want)
            case .contains: return !want.isEmpty && SelectorMatcher.contains(have, want)
            case .dashMatch: return have == want || (have.starts(with: want) && have.count > want.count && have[want.count] == 0x2D)
            }
        case .not(let list):
            return !matches(list, HTMLNode(document: document, index: node))
        case .onlyChild:
            return matchesCondition(.nthChild(a: 0, b: 1, fromEnd: false, ofType: false), node, r)
                && matchesCondition(.nthChild(a: 0, b: 1, fromEnd: true, ofType: false), node, r)
        case .empty:
            var c = r.firstChild
            while c >= 0 {
                let k = document.store.nodes[Int(c)]
                if k.kind == .element || (k.kind == .text && k.end > k.start) { return false }
                c = k.next
            }
            return true
        case .nthChild(let a, let b, let fromEnd, let ofType):
            let nodes = document.store.nodes
            var position = 1
            var s = fromEnd ? r.next : r.prev
            while s >= 0 {
                let k = nodes[Int(s)]
                if k.kind == .element && (!ofType || (k.name == r.name && k.namespace == r.namespace)) { position += 1 }
                s = fromEnd ? k.next : k.prev
            }
            if a == 0 { return position == b }
            let diff = position - b
            return diff % a == 0 && diff / a >= 0
        }
    }

    private static func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }

    private static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= hay.count else { return false }
        for start in 0...(hay.count - needle.count) where hay[start] == needle[0] {
            if hay[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}

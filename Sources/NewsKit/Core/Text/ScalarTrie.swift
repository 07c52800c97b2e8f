/// A trie over Unicode scalars for finding many names in one pass over a text.
///
/// Each stored form carries a payload; ``matches(in:at:)`` lists every form that starts at a
/// position, shortest first, so the caller picks the longest one its boundary rules accept.
struct ScalarTrie<Payload: Sendable>: Sendable {
    private var children: [[UInt32: Int32]] = [[:]]
    private var payloads: [[Payload]] = [[]]
    /// The first scalars of the stored forms, tested before the root's dictionary.
    private var firstScalars = ScalarFilter()

    init() {}

    /// Adds `form` with `payload` (a form may carry several payloads).
    mutating func insert(_ form: String, _ payload: Payload) {
        if let first = form.unicodeScalars.first { firstScalars.insert(first) }
        var node = 0
        for s in form.unicodeScalars {
            if let next = children[node][s.value] { node = Int(next); continue }
            children.append([:])
            payloads.append([])
            children[node][s.value] = Int32(children.count - 1)
            node = children.count - 1
        }
        if node != 0 { payloads[node].append(payload) }
    }

    /// Every stored form starting at `start`: its end (exclusive) and payloads, shortest first.
    func matches(in text: [Unicode.Scalar], at start: Int) -> [(end: Int, payloads: [Payload])] {
        guard start < text.count, firstScalars.mayContain(text[start]) else { return [] }
        var node = 0
        var i = start
        var found: [(Int, [Payload])] = []
        while i < text.count, let next = children[node][text[i].value] {
            node = Int(next)
            i += 1
            if !payloads[node].isEmpty { found.append((i, payloads[node])) }
        }
        return found
    }

    func child(_ node: Int, _ value: UInt32) -> Int? { children[node][value].map(Int.init) }
    func payloadsAt(_ node: Int) -> [Payload]? { payloads[node].isEmpty ? nil : payloads[node] }

    /// Whether any stored form begins with this scalar (a cheap pre-test).
    func startsWith(_ s: Unicode.Scalar) -> Bool { firstScalars.mayContain(s) && children[0][s.value] != nil }
}

extension ScalarTrie {
    /// Walks from `text[from]` towards `text[downTo]`, calling `found` with the length of each
    /// stored form matched so far (shortest first).
    func walkBackwards(in text: [Unicode.Scalar], from: Int, downTo: Int, _ found: (Int, [Payload]) -> Void) {
        guard from >= downTo, from < text.count, firstScalars.mayContain(text[from]) else { return }
        var node = 0
        var i = from
        while i >= downTo, let next = child(node, text[i].value) {
            node = next
            if let p = payloadsAt(node) { found(from - i + 1, p) }
            i -= 1
        }
    }
}

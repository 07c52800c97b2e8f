/// Structure of a parsed document: nodes in one array, all character data in one byte buffer.
@usableFromInline struct NodeStore: Sendable {
    @usableFromInline var nodes: [NodeRecord] = []
    @usableFromInline var text: [UInt8] = []
    @usableFromInline var attributes: [AttributeRecord] = []
    var names = NameInterner()
    /// template element → its content fragment.
    var templateContents: [Int32: Int32] = [:]
    /// Text nodes moved to the end of `text` with room to grow: node → end of its room.
    var textRoom: [Int32: Int32] = [:]
    var doctypes: [Int32: DoctypeRecord] = [:]

    init(estimatedBytes: Int = 0) {
        nodes.reserveCapacity(max(64, estimatedBytes / 40))
        text.reserveCapacity(max(256, estimatedBytes / 2))
        attributes.reserveCapacity(max(32, estimatedBytes / 80))
        nodes.append(NodeRecord(kind: .document, namespace: .html, name: 0))
    }

    // MARK: Creation

    mutating func makeNode(_ kind: HTMLNodeKind, namespace: HTMLNamespace = .html, name: UInt32 = 0) -> Int32 {
        let flags = kind == .element ? ElementFlags.of(namespace, name) : 0
        nodes.append(NodeRecord(kind: kind, namespace: namespace, flags: flags, name: name))
        return Int32(nodes.count - 1)
    }

    mutating func makeText(_ bytes: UnsafeBufferPointer<UInt8>, kind: HTMLNodeKind = .text) -> Int32 {
        let start = Int32(text.count)
        text.append(contentsOf: bytes)
        var record = NodeRecord(kind: kind, namespace: .html, name: 0)
        record.start = start
        record.end = Int32(text.count)
        nodes.append(record)
        return Int32(nodes.count - 1)
    }

    /// Appends bytes to a text node. A node that is not at the end of the buffer moves there with
    /// as much room again behind it (recorded in `textRoom`), so text that grows while other nodes
    /// are written between its pieces (foster-parented table text) costs amortized linear time.
    mutating func appendText(_ node: Int32, _ bytes: UnsafeBufferPointer<UInt8>) {
        let n = Int(node)
        let end = Int(nodes[n].end)
        if end == text.count {
            text.append(contentsOf: bytes)
            nodes[n].end = Int32(text.count)
            return
        }
        if let room = textRoom[node], end + bytes.count <= Int(room) {
            text.withUnsafeMutableBufferPointer { buffer in
                for (k, byte) in bytes.enumerated() { buffer[end + k] = byte }
            }
            nodes[n].end = Int32(end + bytes.count)
            return
        }
        let start = Int(nodes[n].start)
        let length = end - start + bytes.count
        let newStart = text.count
        text.reserveCapacity(newStart + 2 * length)
        for k in start..<end { text.append(text[k]) }
        text.append(contentsOf: bytes)
        text.append(contentsOf: repeatElement(0, count: length))
        nodes[n].start = Int32(newStart)
        nodes[n].end = Int32(newStart + length)
        textRoom[node] = Int32(newStart + 2 * length)
    }

    mutating func addAttribute(to element: Int32, name: UInt32, namespace: HTMLAttributeNamespace, value: ArraySlice<UInt8>) {
        let n = Int(element)
        if Int(nodes[n].end) != attributes.count {
            // Move this element's attributes to the end so the new one can follow them.
            let s = Int(nodes[n].start), e = Int(nodes[n].end)
            let newStart = Int32(attributes.count)
            attributes.append(contentsOf: Array(attributes[s..<e]))   // a copy: a slice of itself would copy the whole array
            nodes[n].start = newStart
            nodes[n].end = Int32(attributes.count)
        }
        let vs = Int32(text.count)
        text.append(contentsOf: value)
        attributes.append(AttributeRecord(name: name, namespace: namespace, valueStart: vs, valueEnd: Int32(text.count)))
        nodes[n].end = Int32(attributes.count)
    }

    // MARK: Tree surgery

    mutating func append(_ child: Int32, to parent: Int32) {
        insert(child, into: parent, before: -1)
    }

    /// Inserts `child` (detached first) into `parent` before `reference`, or last when `reference` is -1.
    mutating func insert(_ child: Int32, into parent: Int32, before reference: Int32) {
        if nodes[Int(child)].parent >= 0 { detach(child) }
        let c = Int(child), p = Int(parent)
        nodes[c].parent = parent
        if reference < 0 {
            let last = nodes[p].lastChild
            nodes[c].prev = last
            nodes[c].next = -1
            if last >= 0 { nodes[Int(last)].next = child } else { nodes[p].firstChild = child }
            nodes[p].lastChild = child
        } else {
            let r = Int(reference)
            let before = nodes[r].prev
            nodes[c].prev = before
            nodes[c].next = reference
            nodes[r].prev = child
            if before >= 0 { nodes[Int(before)].next = child } else { nodes[p].firstChild = child }
        }
    }

    mutating func detach(_ node: Int32) {
        let n = Int(node)
        let parent = nodes[n].parent
        guard parent >= 0 else { return }
        let p = Int(parent)
        let prev = nodes[n].prev, next = nodes[n].next
        if prev >= 0 { nodes[Int(prev)].next = next } else { nodes[p].firstChild = next }
        if next >= 0 { nodes[Int(next)].prev = prev } else { nodes[p].lastChild = prev }
        nodes[n].parent = -1
        nodes[n].prev = -1
        nodes[n].next = -1
    }

    /// Moves every child of `from` to the end of `to`, in order.
    mutating func moveChildren(from: Int32, to: Int32) {
        var child = nodes[Int(from)].firstChild
        while child >= 0 {
            let next = nodes[Int(child)].next
            append(child, to: to)
            child = next
        }
    }

    mutating func removeChildren(of node: Int32) {
        while nodes[Int(node)].firstChild >= 0 { detach(nodes[Int(node)].firstChild) }
    }

    /// A shallow copy of an element: same name, namespace and attributes, no children.
    mutating func cloneElement(_ node: Int32) -> Int32 {
        let source = nodes[Int(node)]
        let copy = makeNode(source.kind, namespace: source.namespace, name: source.name)
        if source.kind == .element {
            let start = Int32(attributes.count)
            attributes.append(contentsOf: Array(attributes[Int(source.start)..<Int(source.end)]))   // see addAttribute
            nodes[Int(copy)].start = start
            nodes[Int(copy)].end = Int32(attributes.count)
        } else {
            nodes[Int(copy)].start = source.start
            nodes[Int(copy)].end = source.end
        }
        return copy
    }

    /// A deep copy of `node`'s subtree (iterative, so depth cannot overflow the stack).
    mutating func cloneDeep(_ node: Int32) -> Int32 {
        let root = cloneElement(node)
        var work: [(source: Int32, copy: Int32)] = [(node, root)]
        while let (source, copy) = work.popLast() {
            var child = nodes[Int(source)].firstChild
            while child >= 0 {
                let c = cloneElement(child)
                append(c, to: copy)
                work.append((child, c))
                child = nodes[Int(child)].next
            }
        }
        return root
    }

    // MARK: Queries

    @inline(__always) func isHTML(_ node: Int32, _ tag: KnownName) -> Bool {
        let r = nodes[Int(node)]
        return r.name == tag.id && r.namespace == .html && r.kind == .element
    }

    func attributeValue(_ node: Int32, _ name: KnownName) -> ArraySlice<UInt8>? {
        let r = nodes[Int(node)]
        guard r.kind == .element else { return nil }
        for i in Int(r.start)..<Int(r.end) where attributes[i].name == name.id && attributes[i].namespace == .none {
            return text[Int(attributes[i].valueStart)..<Int(attributes[i].valueEnd)]
        }
        return nil
    }

    func hasAttribute(_ node: Int32, name: UInt32, namespace: HTMLAttributeNamespace) -> Bool {
        let r = nodes[Int(node)]
        for i in Int(r.start)..<Int(r.end) where attributes[i].name == name && attributes[i].namespace == namespace {
            return true
        }
        return false
    }
}

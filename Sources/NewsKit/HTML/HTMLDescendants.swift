/// The descendants of a node in document order, walked without recursion.
public struct HTMLDescendants: Sequence {
    let root: HTMLNode

    public func makeIterator() -> Iterator { Iterator(root: root) }

    public struct Iterator: IteratorProtocol {
        let document: HTMLDocument
        let rootIndex: Int32
        var upcoming: Int32

        init(root: HTMLNode) {
            document = root.document
            rootIndex = root.index
            upcoming = root.record.firstChild
        }

        public mutating func next() -> HTMLNode? {
            guard upcoming >= 0 else { return nil }
            let current = upcoming
            let nodes = document.store.nodes
            let r = nodes[Int(current)]
            if r.firstChild >= 0 {
                upcoming = r.firstChild
            } else {
                var n = current
                upcoming = -1
                while n != rootIndex && n >= 0 {
                    let s = nodes[Int(n)].next
                    if s >= 0 { upcoming = s; break }
                    n = nodes[Int(n)].parent
                }
            }
            return HTMLNode(document: document, index: current)
        }
    }
}

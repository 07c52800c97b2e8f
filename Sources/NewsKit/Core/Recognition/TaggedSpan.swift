/// An entity a tagger marked: positions `start..<end` of the scalars it read, and the type.
package struct TaggedSpan: Sendable, Hashable {
    /// The first position.
    package var start: Int
    /// The position after the last.
    package var end: Int
    /// The entity's type.
    package var kind: Entity.Kind

    /// Makes a span.
    package init(start: Int, end: Int, kind: Entity.Kind) {
        self.start = start
        self.end = end
        self.kind = kind
    }
}

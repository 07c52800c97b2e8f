/// A synchronous sequence of inputs seen as an `AsyncSequence`, element by element (an
/// `AsyncStream` fed from an array would buffer every input at once).
public struct PipelineInputs<Base: Sequence & Sendable>: AsyncSequence, Sendable where Base.Element == PipelineInput {
    public typealias Element = PipelineInput
    let base: Base
    /// Wraps a sequence; its elements are taken only as they are asked for.
    /// - Parameter base: the inputs, a lazy sequence or a collection.
    public init(_ base: Base) { self.base = base }
    public struct AsyncIterator: AsyncIteratorProtocol {
        var iterator: Base.Iterator
        public mutating func next() async -> PipelineInput? { iterator.next() }
    }
    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(iterator: base.makeIterator()) }
}

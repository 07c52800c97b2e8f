/// Receives tokens from an ``HTMLTokenizer``.
///
/// Character runs never mix U+0000 with other characters: a NUL in the data state arrives
/// as a one-byte run of its own, so a tree builder can drop or replace it cheaply.
protocol TokenSink {
    mutating func processCharacters(_ text: UnsafeBufferPointer<UInt8>)
    mutating func processStartTag(_ tag: TagToken)
    mutating func processEndTag(_ tag: TagToken)
    mutating func processComment(_ text: UnsafeBufferPointer<UInt8>)
    mutating func processDoctype(_ doctype: DoctypeToken)
    mutating func processEndOfFile()
    /// A state the sink asks the tokenizer to switch to after the token just processed.
    mutating func takeRequestedTokenizerState() -> TokenizerState?
    /// Whether the adjusted current node is outside the HTML namespace (CDATA sections allowed).
    var allowsCDATA: Bool { get }
}

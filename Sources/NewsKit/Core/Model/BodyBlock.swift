/// One block of an article body.
public struct BodyBlock: Sendable, Hashable, Codable {
    /// What the block is; in JSON, the case name (`paragraph`, `listItem`).
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// One of the five kinds: `paragraph`, running text and any block that is none of the
        /// others; `heading`, a heading inside the body (`h1`…`h6`, a Markdown `#` line); `quote`,
        /// a quotation block (`blockquote`, a Markdown `>` line); `listItem`, an item of a list
        /// (`li`, `dd`, `dt`, a Markdown item); `table`, the text of a table cell (`td`, `th`).
        case paragraph, heading, quote, listItem, table
    }
    /// What the block is.
    public var kind: Kind
    /// The block's text, whitespace collapsed.
    public var text: String
    /// Makes a body block.
    /// - Parameters:
    ///   - kind: what the block is.
    ///   - text: its text.
    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}

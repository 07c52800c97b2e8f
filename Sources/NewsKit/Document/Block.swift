/// One unit of text in reading order: a paragraph, a heading, a caption, a list item, a line
/// of a text capture. Every document kind reads as blocks, so the Korean rules and the
/// extractors work the same on HTML pages, text captures and Markdown.
public struct Block: Sendable, Hashable, Codable {
    /// What the block is, as far as the markup says.
    public enum Role: Sendable, Hashable, Codable {
        /// `h1`…`h6` (level 1…6), or a Markdown `#` heading.
        case heading(Int)
        case paragraph
        case listItem
        /// `figcaption`, table `caption`, or an element classed as a caption.
        case caption
        case tableCell
        case preformatted
        case quote
        /// An image (see ``Block/image``); its text is the `alt` text.
        case image
        /// A line of a plain-text capture (no markup says more).
        case line
    }

    /// A link inside the block.
    public struct Link: Sendable, Hashable, Codable {
        public var url: String
        public var text: String
    }

    /// An image block's source and description.
    public struct Image: Sendable, Hashable, Codable {
        public var url: String
        public var alt: String?
        public var width: Int?
        public var height: Int?
    }

    /// The text, whitespace collapsed (a `<br>` inside the block is kept as "\n"), NFC.
    public var text: String
    public var role: Role
    /// The share of the text's characters that sit inside links (0…1).
    public var linkDensity: Double
    /// Element path from `body`, e.g. `body>div#wrap>article.story>p`. Empty for text lines.
    public var path: String
    /// The `id` and classes of the element the block came from.
    public var elementID: String?
    public var classes: [String]
    public var links: [Link]
    public var image: Image?
    /// Position in the document's block list.
    public var index: Int
    /// For text captures: whether a blank line came before this line.
    public var followsBlankLine: Bool
    /// The DOM node the block came from (``HTMLNode/id``), when there is one.
    public var nodeID: Int?

    public init(text: String, role: Role, linkDensity: Double = 0, path: String = "", elementID: String? = nil,
                classes: [String] = [], links: [Link] = [], image: Image? = nil, index: Int = 0,
                followsBlankLine: Bool = false, nodeID: Int? = nil) {
        self.text = text
        self.role = role
        self.linkDensity = linkDensity
        self.path = path
        self.elementID = elementID
        self.classes = classes
        self.links = links
        self.image = image
        self.index = index
        self.followsBlankLine = followsBlankLine
        self.nodeID = nodeID
    }

    /// The heading level, if the block is a heading.
    public var headingLevel: Int? {
        if case .heading(let level) = role { return level }
        return nil
    }
}

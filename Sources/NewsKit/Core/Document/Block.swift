import NewsKitHTML
/// One unit of text in reading order: a paragraph, a heading, a caption, a list item, a line
/// of a text capture. Every document kind reads as blocks, so the Korean rules and the
/// extractors work the same on HTML pages, text captures and Markdown.
public struct Block: Sendable, Hashable, Codable {
    /// What the block is, as far as the markup says.
    public enum Role: Sendable, Hashable, Codable {
        /// `h1`…`h6` (level 1…6), or a Markdown `#` heading.
        case heading(Int)
        /// Running text: a `p`, a `div` or other element holding text directly, a Markdown paragraph.
        case paragraph
        /// `li`, `dd` or `dt`, or a Markdown `-`, `*`, `+` or numbered item.
        case listItem
        /// `figcaption`, table `caption`, or an element classed as a caption.
        case caption
        /// `td` or `th`.
        case tableCell
        /// `pre` (and the legacy `listing`, `xmp`, `plaintext`), or a fenced Markdown code block.
        case preformatted
        /// `blockquote`, or a Markdown `>` line.
        case quote
        /// An image (see ``Block/image``); its text is the `alt` text.
        case image
        /// A line of a plain-text capture (no markup says more).
        case line
    }

    /// A link inside the block.
    public struct Link: Sendable, Hashable, Codable {
        /// The link target as written (`href`, or a Markdown link's URL), not resolved; "" for
        /// an `<a>` without `href`.
        public var url: String
        /// The link's text, whitespace collapsed; "" for a link around an image only.
        public var text: String
    }

    /// An image block's source and description.
    public struct Image: Sendable, Hashable, Codable {
        /// The image's source as written: `src`, or a lazy-loading attribute (`data-src`,
        /// `data-original`, …) when `src` is missing or a `data:` URL; not resolved.
        public var url: String
        /// The `alt` text, whitespace collapsed; nil when the image has none.
        public var alt: String?
        /// The `width` attribute in CSS pixels; nil when missing or not a whole number.
        public var width: Int?
        /// The `height` attribute in CSS pixels; nil when missing or not a whole number.
        public var height: Int?
    }

    /// The text, whitespace collapsed (a `<br>` inside the block is kept as "\n"), NFC.
    public var text: String
    /// What the block is, from the element (or Markdown syntax) it came from.
    public var role: Role
    /// The share of the text's characters that sit inside links (0…1).
    public var linkDensity: Double
    /// Position in the document's block list.
    public var index: Int
    /// For text captures: whether a blank line came before this line.
    public var followsBlankLine: Bool
    /// The DOM node the block came from (``HTMLNode/id``), when there is one.
    public var nodeID: Int?
    /// Where the block sits and what it links to: shared between copies, as blocks are copied
    /// often and these are read rarely.
    private var markup: Markup

    /// Element path from `body`, e.g. `body>div#wrap>article.story>p` (an element's id and its
    /// first two classes). Empty for text lines.
    public var path: String {
        get { markup.path }
        set { markup = markup.with { $0.path = newValue } }
    }
    /// The `id` of the element the block came from.
    public var elementID: String? {
        get { markup.elementID }
        set { markup = markup.with { $0.elementID = newValue } }
    }
    /// The classes of the element the block came from.
    public var classes: [String] {
        get { markup.classes }
        set { markup = markup.with { $0.classes = newValue } }
    }
    /// The links inside the block, in reading order; empty when it has none.
    public var links: [Link] {
        get { markup.links }
        set { markup = markup.replacing(links: newValue, image: markup.image) }
    }
    /// The image, for an ``Role/image`` block; nil for other blocks.
    public var image: Image? {
        get { markup.image }
        set { markup = markup.replacing(links: markup.links, image: newValue) }
    }

    /// Makes a block from its parts, as an adapter or a test builds one; the readers of each
    /// document kind make theirs from the markup.
    /// - Parameters:
    ///   - text: the block's text, whitespace already collapsed.
    ///   - role: what the block is.
    ///   - linkDensity: the share of the text inside links, 0…1.
    ///   - path: the element path from `body`; "" when there is no markup.
    ///   - elementID: the source element's `id`; nil when it has none.
    ///   - classes: the source element's classes.
    ///   - links: the links inside the block.
    ///   - image: the image, for an ``Role/image`` block.
    ///   - index: the block's position in its document's block list.
    ///   - followsBlankLine: for text captures, whether a blank line came before.
    ///   - nodeID: the DOM node the block came from (``HTMLNode/id``); nil when there is none.
    public init(text: String, role: Role, linkDensity: Double = 0, path: String = "", elementID: String? = nil,
                classes: [String] = [], links: [Link] = [], image: Image? = nil, index: Int = 0,
                followsBlankLine: Bool = false, nodeID: Int? = nil) {
        self.text = text
        self.role = role
        self.linkDensity = linkDensity
        self.index = index
        self.followsBlankLine = followsBlankLine
        self.nodeID = nodeID
        self.markup = (path.isEmpty && elementID == nil && classes.isEmpty && links.isEmpty && image == nil)
            ? Markup.none : Markup(Markup.Fields(path: path, elementID: elementID, classes: classes), links: links, image: image)
    }

    /// The element the block was read from, for blocks read from a DOM.
    var element: HTMLNode? { markup.element }

    /// A block read from a DOM: its path, id and classes are read from the element when asked.
    init(text: String, role: Role, linkDensity: Double, links: [Link], image: Image?, index: Int, element: HTMLNode) {
        self.text = text
        self.role = role
        self.linkDensity = linkDensity
        self.index = index
        self.followsBlankLine = false
        self.nodeID = element.id
        self.markup = Markup(element: element, links: links, image: image)
    }

    /// The shared, immutable part of a block. For blocks read from a DOM, the path, id and
    /// classes are read from the element on demand (most blocks never need them).
    private final class Markup: Sendable, Hashable {
        static let none = Markup(Fields(path: "", elementID: nil, classes: []), links: [], image: nil)

        struct Fields: Sendable { var path: String; var elementID: String?; var classes: [String] }
        let fields: Fields?
        let element: HTMLNode?
        let links: [Link]
        let image: Image?

        init(_ fields: Fields, links: [Link], image: Image?) {
            self.fields = fields
            self.element = nil
            self.links = links
            self.image = image
        }

        init(element: HTMLNode, links: [Link], image: Image?) {
            self.fields = nil
            self.element = element
            self.links = links
            self.image = image
        }

        var path: String {
            if let fields { return fields.path }
            guard let element else { return "" }
            var parts: [String] = []
            var n: HTMLNode? = element
            while let e = n, e.isElement {
                var s = e.tagName
                if let id = e.elementID, !id.isEmpty { s += "#" + id }
                for c in e.classList.prefix(2) { s += "." + c }
                parts.append(s)
                if e.is(.body) { break }
                n = e.parent
            }
            return parts.reversed().joined(separator: ">")
        }
        var elementID: String? { fields.map(\.elementID) ?? element?.elementID }
        var classes: [String] { fields.map(\.classes) ?? element?.classList ?? [] }

        func replacing(links: [Link], image: Image?) -> Markup {
            if let element, fields == nil { return Markup(element: element, links: links, image: image) }
            return Markup(fields ?? Fields(path: "", elementID: nil, classes: []), links: links, image: image)
        }

        func with(_ change: (inout Fields) -> Void) -> Markup {
            var f = Fields(path: path, elementID: elementID, classes: classes)
            change(&f)
            return Markup(f, links: links, image: image)
        }

        static func == (a: Markup, b: Markup) -> Bool {
            a === b || (a.path == b.path && a.elementID == b.elementID && a.classes == b.classes && a.links == b.links && a.image == b.image)
        }

        func hash(into h: inout Hasher) {
            h.combine(path)
            h.combine(links)
            h.combine(image)
        }
    }

    enum CodingKeys: String, CodingKey {
        case text, role, linkDensity, path, elementID, classes, links, image, index, followsBlankLine, nodeID
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(text: try c.decode(String.self, forKey: .text), role: try c.decode(Role.self, forKey: .role),
                  linkDensity: try c.decode(Double.self, forKey: .linkDensity), path: try c.decode(String.self, forKey: .path),
                  elementID: try c.decodeIfPresent(String.self, forKey: .elementID), classes: try c.decode([String].self, forKey: .classes),
                  links: try c.decode([Link].self, forKey: .links), image: try c.decodeIfPresent(Image.self, forKey: .image),
                  index: try c.decode(Int.self, forKey: .index), followsBlankLine: try c.decode(Bool.self, forKey: .followsBlankLine),
                  nodeID: try c.decodeIfPresent(Int.self, forKey: .nodeID))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(role, forKey: .role)
        try c.encode(linkDensity, forKey: .linkDensity)
        try c.encode(path, forKey: .path)
        try c.encodeIfPresent(elementID, forKey: .elementID)
        try c.encode(classes, forKey: .classes)
        try c.encode(links, forKey: .links)
        try c.encodeIfPresent(image, forKey: .image)
        try c.encode(index, forKey: .index)
        try c.encode(followsBlankLine, forKey: .followsBlankLine)
        try c.encodeIfPresent(nodeID, forKey: .nodeID)
    }

    /// The heading level, if the block is a heading.
    public var headingLevel: Int? {
        if case .heading(let level) = role { return level }
        return nil
    }
}

/// The namespace of an element in an ``HTMLDocument``.
public enum HTMLNamespace: UInt8, Sendable, Hashable {
    /// An HTML element (also HTML content inside SVG's `<foreignObject>` and other integration points).
    case html = 0
    /// An SVG element: `<svg>` and the foreign content the parser puts inside it.
    case svg = 1
    /// A MathML element: `<math>` and the foreign content the parser puts inside it.
    case mathml = 2
}

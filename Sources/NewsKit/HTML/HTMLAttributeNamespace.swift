/// The namespace of an attribute (almost always ``none``; foreign content can set the others).
public enum HTMLAttributeNamespace: UInt8, Sendable, Hashable {
    /// No namespace: every attribute of an HTML element, and most of a foreign one.
    case none = 0
    /// The XLink namespace, for `xlink:href` and the other `xlink:` attributes of foreign elements.
    case xlink = 1
    /// The XML namespace, for `xml:lang` and `xml:space` on foreign elements.
    case xml = 2
    /// The XMLNS namespace, for `xmlns` and `xmlns:xlink` on foreign elements.
    case xmlns = 3
}

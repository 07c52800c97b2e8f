/// The kind of a node in an ``HTMLDocument``.
public enum HTMLNodeKind: UInt8, Sendable, Hashable {
    /// The Document node, ``HTMLDocument/root``: the top of the tree.
    case document
    /// A `<!DOCTYPE>`.
    case doctype
    /// An element, in any ``HTMLNamespace``.
    case element
    /// A run of character data (``HTMLNode/data``).
    case text
    /// A `<!-- comment -->` (``HTMLNode/data`` holds its text).
    case comment
    /// A template's content, ``HTMLNode/templateContent``: a parentless node holding what `<template>` contains.
    case fragment
}

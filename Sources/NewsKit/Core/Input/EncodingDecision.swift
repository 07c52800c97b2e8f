import Foundation
import NewsKitHTML

/// Which encoding a page was decoded with, and why: recorded on every ``Document``.
public struct EncodingDecision: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What settled the encoding.
    public enum Source: String, Sendable, Hashable, Codable {
        /// A byte order mark at the start of the bytes.
        case byteOrderMark
        /// The `charset` of the HTTP `Content-Type` header.
        case transport
        /// A `<meta charset>` or `<meta http-equiv="Content-Type">` in the first 1024 bytes.
        case meta
        /// No declaration: the bytes themselves (valid UTF-8, else CP949, else windows-1252).
        case sniffed
        /// A declaration was overruled by the bytes (e.g. `euc-kr` declared, valid UTF-8 found).
        case override
    }

    /// The encoding the bytes were decoded with.
    public var encoding: TextEncoding
    /// What settled it: a BOM, the HTTP header, a `<meta>`, the bytes alone, or the bytes overruling a declaration.
    public var source: Source
    /// The charset label as declared, if any.
    public var declaredLabel: String?
    /// A sentence for people: why this encoding.
    public var reason: String
    /// How many undecodable sequences became U+FFFD.
    public var replacements: Int = 0

    public var description: String { "\(encoding.rawValue) (\(source.rawValue)): \(reason)" }
}

import Foundation
import NewsKitHTML

/// Options for reading a page into a ``Document``.
public struct DocumentOptions: Sendable, Hashable {
    /// Pages larger than this are refused with ``InputError/Code/tooLarge``. Default 64 MiB.
    public var maximumBytes: Int = Page.defaultMaximumBytes
    /// Force a kind instead of recognizing it.
    public var kind: DocumentKind? = nil
    /// Makes options for reading pages into documents.
    /// - Parameters:
    ///   - maximumBytes: the largest page accepted, in bytes (default 64 MiB).
    ///   - kind: the kind to read every page as; nil recognizes each page's kind from its bytes.
    public init(maximumBytes: Int = Page.defaultMaximumBytes, kind: DocumentKind? = nil) {
        self.maximumBytes = maximumBytes
        self.kind = kind
    }
}

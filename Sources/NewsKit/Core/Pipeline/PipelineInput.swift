import Foundation

/// Something a run reads: a file, a URL to fetch, or a page already in hand (a WARC record).
public enum PipelineInput: Sendable, Hashable {
    /// A local file, by path, read with ``Page/read(path:maximumBytes:)``.
    case file(String)
    /// A URL, fetched with the pipeline's ``Pipeline/fetcher``.
    case url(URL)
    /// A page already fetched or read (a WARC record); used as it is.
    case page(Page)

    /// A name for messages and `{"error": …}` lines.
    public var name: String {
        switch self {
        case .file(let p): return p
        case .url(let u): return u.absoluteString
        case .page(let p): return p.name
        }
    }
}

extension PipelineInput {
    /// The files `paths` stand for, as inputs: folders are walked into the documents under
    /// them (``DocumentFiles/expand(_:extensions:)``: recursive, sorted, hidden entries left out,
    /// each directory once), files stay as they are.
    /// - Parameters:
    ///   - paths: files and folders.
    ///   - extensions: which files inside folders count as documents.
    /// - Returns: one ``file(_:)`` input per file, in order.
    public static func files(under paths: [String], extensions: Set<String> = DocumentFiles.documentExtensions) -> [PipelineInput] {
        DocumentFiles.expand(paths, extensions: extensions).map { .file($0) }
    }
}

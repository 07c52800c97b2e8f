import Foundation

/// Locates `../shared` (beside the project root), where the html5lib suite and the corpus live.
public enum SharedMaterial {
    /// The project root, found from this file's path.
    public static let projectRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }   // SharedMaterial.swift, TestSupport, Sources
        return url
    }()

    /// `../shared`, or the directory named by `NEWSKIT_SHARED`.
    public static let root: URL = {
        if let env = ProcessInfo.processInfo.environment["NEWSKIT_SHARED"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        return projectRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    /// Whether a path under `../shared` exists (a missing one is noted on stderr): the condition
    /// of the `.enabled(if:)` trait of each test that needs it, so missing material shows as a
    /// skip, never as a pass.
    public static func has(_ relative: String) -> Bool { path(relative) != nil }

    /// The URL of a path under `../shared`, or nil (with a clear message on stderr) when it is missing.
    public static func path(_ relative: String) -> URL? {
        let url = root.appendingPathComponent(relative)
        if FileManager.default.fileExists(atPath: url.path) { return url }
        FileHandle.standardError.write(Data("NOTE: \(url.path) is missing: tests that need ../shared/\(relative) are skipped. Put the shared material beside the project root or set NEWSKIT_SHARED.\n".utf8))
        return nil
    }
}

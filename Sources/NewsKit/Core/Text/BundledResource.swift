import Foundation

/// Finds a file NewsKitCore ships as a resource (the gazetteer, the block classifier's weights).
package enum BundledResource {
    /// Where SwiftPM put the resource: beside the executable (Linux `*.resources`, macOS
    /// `*.bundle`), in loaded bundles (test runners), or, for a build on this machine, the source.
    /// - Parameters:
    ///   - name: the file's name (`gazetteer.json`).
    ///   - sourceFolder: the folder of the file in the source tree, as `#filePath` of a file beside it.
    /// - Returns: the first copy found; nil when none is.
    package static func url(named name: String, besideSource sourceFolder: String) -> URL? {
        let fm = FileManager.default
        var dirs = [Bundle.main.bundleURL, Bundle.main.executableURL?.deletingLastPathComponent()].compactMap { $0 }
        dirs.append(URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent())
        dirs += Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        var candidates: [URL] = []
        for d in dirs {
            candidates.append(d.appendingPathComponent("NewsKit_NewsKitCore.resources/" + name))
            candidates.append(d.appendingPathComponent("NewsKit_NewsKitCore.bundle/Contents/Resources/" + name))
            candidates.append(d.appendingPathComponent("NewsKit_NewsKitCore.bundle/" + name))
        }
        candidates.append(URL(fileURLWithPath: sourceFolder).deletingLastPathComponent().appendingPathComponent(name))
        return candidates.first { fm.fileExists(atPath: $0.path) }
    }
}

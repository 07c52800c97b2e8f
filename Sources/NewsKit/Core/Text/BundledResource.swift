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
        url(named: name, besideSource: sourceFolder, overriddenBy: nil)
    }

    /// The file an environment variable names, when it is set and not empty, else the resource
    /// as ``url(named:besideSource:)`` finds it: how a refitted table is tried without rebuilding.
    /// - Parameters:
    ///   - name: the resource's file name.
    ///   - sourceFolder: `#filePath` of a file beside it in the source tree.
    ///   - variable: the environment variable (`NEWSKIT_TAGGER`); nil for none.
    /// - Returns: the file to read; nil when there is no override and the resource is not found.
    package static func url(named name: String, besideSource sourceFolder: String, overriddenBy variable: String?) -> URL? {
        if let variable, let path = ProcessInfo.processInfo.environment[variable], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
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

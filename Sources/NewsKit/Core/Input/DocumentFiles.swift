import Foundation

/// Folders walked into the document files under them, the way `newskit-demo extract DIR` and
/// ``PipelineInput/files(under:extensions:)`` read them.
///
/// The walk visits each directory once, by device and inode, so a symlink to a directory is
/// followed at most once and a link to an ancestor (`ln -s . self`) ends. Entries with a document
/// extension that are not regular files (FIFOs, sockets, devices, dangling links) stay in the
/// list so that reading them names them as failures; nothing is opened here.
public enum DocumentFiles {
    /// The file extensions read as documents when a folder is walked (compared in lower case).
    public static let documentExtensions: Set<String> = ["html", "htm", "xhtml", "txt", "md", "markdown", "shtml", "php", "asp", "aspx", "jsp"]

    private struct DirectoryID: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// The files `paths` stand for: a file stays as it is (so reading it names it if it cannot
    /// be read), a folder becomes the documents under it, recursively and sorted, hidden entries
    /// left out; `-` (standard input) stays.
    /// - Parameters:
    ///   - paths: files and folders, in the order they should be read.
    ///   - extensions: which files inside folders count as documents.
    /// - Returns: the paths, folders expanded in place.
    public static func expand(_ paths: [String], extensions: Set<String> = documentExtensions) -> [String] {
        var out: [String] = []
        var visited: Set<DirectoryID> = []
        for path in paths {
            var info = stat()
            if path != "-", stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                var found: [String] = []
                walk(path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path, extensions: extensions,
                     visited: &visited, into: &found)
                out.append(contentsOf: found.sorted())
            } else {
                out.append(path)
            }
        }
        return out
    }

    /// The files under `root` with one of the extensions, hidden entries skipped. Plain `readdir`
    /// (Foundation's URL enumerator keeps per-entry objects alive on Linux: 8 MB for 20,000
    /// files), and an explicit stack instead of recursion.
    private static func walk(_ root: String, extensions: Set<String>, visited: inout Set<DirectoryID>, into found: inout [String]) {
        var pending = [root]
        while let dir = pending.popLast() {
            var info = stat()
            guard stat(dir, &info) == 0,
                  visited.insert(DirectoryID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted,
                  let d = opendir(dir) else { continue }
            defer { closedir(d) }
            while let entry = readdir(d) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                guard !name.hasPrefix(".") else { continue }
                let path = dir + "/" + name
                let isDocument = name.lastIndex(of: ".").map { extensions.contains(name[name.index(after: $0)...].lowercased()) } ?? false
                var entryInfo = stat()
                guard stat(path, &entryInfo) == 0 else {
                    if isDocument { found.append(path) }   // a dangling link: reading it names it
                    continue
                }
                switch entryInfo.st_mode & S_IFMT {
                case S_IFDIR: pending.append(path)
                default: if isDocument { found.append(path) }   // FIFOs and devices are refused when read
                }
            }
        }
    }
}

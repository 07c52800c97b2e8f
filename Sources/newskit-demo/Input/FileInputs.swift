import Foundation
import NewsKit

/// The inputs of a list of paths, made one at a time (`-` is the page read from standard input).
struct FileInputs: Sequence, Sendable {
    let files: [String]
    let standardInput: Page?
    /// The URL `--url` gives the one file (and standard input), if any.
    var url: URL? = nil

    /// Reads standard input up front when `-` is among the files (naming a failure on
    /// stderr); files are opened as the pipeline reaches them. Returns how many inputs
    /// could not be read here.
    static func make(_ files: [String], command: String) -> (FileInputs, unreadable: Int) {
        guard files.contains("-") else { return (FileInputs(files: files, standardInput: nil), 0) }
        do throws(InputError) {
            return (FileInputs(files: files, standardInput: try InputFiles.page("-")), 0)
        } catch {
            warn("newskit-demo \(command): \(error.description)")
            return (FileInputs(files: files, standardInput: nil), 1)
        }
    }

    func makeIterator() -> AnyIterator<PipelineInput> {
        var i = 0
        return AnyIterator {
            while i < files.count {
                let path = files[i]
                i += 1
                if path != "-" {
                    ExtractWorker.current?.reach(path)
                    // With --url the page is read here to be given its URL; a file that cannot be
                    // read stays a file input, so the pipeline names the failure.
                    if let url, var page = try? Page.read(path: path) {
                        page.requestedURL = url
                        return .page(page)
                    }
                    return .file(path)
                }
                if var page = standardInput {
                    if let url { page.requestedURL = url }
                    return .page(page)
                }
            }
            return nil
        }
    }
}

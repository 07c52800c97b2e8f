import Foundation
import NewsKit

/// The inputs of a list of paths, made one at a time (`-` is the page read from standard input).
struct FileInputs: Sequence, Sendable {
    let files: [String]
    let standardInput: Page?

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
                    return .file(path)
                }
                if let page = standardInput { return .page(page) }
            }
            return nil
        }
    }
}

import Foundation
import NewsKit

/// Reads the paths given on the command line (folders are walked by ``DocumentFiles``).
enum InputFiles {
    /// Reads a path (or standard input for `-`) into a page.
    static func page(_ path: String) throws(InputError) -> Page {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return Page(bytes: [UInt8](data), filePath: "-")
        }
        return try Page.read(path: path)
    }
}

// Prints one line per page: publication time, source, headline.
//   swift run --package-path Examples/DependingOnNewsKit headlines Examples/seeds/*.txt
import Foundation
import NewsKit
import NewsKitAdapters

let registry = AdapterRegistry.builtIn
var failed = false
for path in CommandLine.arguments.dropFirst() {
    do {
        let article = try registry.extract(try Document(page: try Page.read(path: path)))
        let when = article.publishedAt?.iso8601 ?? "(no date)"
        print("\(when)\t\(article.source.name ?? article.source.id)\t\(article.title ?? "(no title)")")
    } catch {
        FileHandle.standardError.write(Data("headlines: \(error)\n".utf8))
        failed = true
    }
}
exit(failed ? 1 : 0)

// Extracts saved pages with the core and the adapters only: this program links neither libcurl
// nor SQLite (CI checks its binary). Each argument is a saved page (HTML, a text capture, a
// Markdown post with front matter); one JSON line per article goes to standard output, and a
// page that cannot be read is named on standard error without stopping the others.
//   swift run SavedPagesExample Examples/seeds/*.txt
import Foundation
import NewsKitCore
import NewsKitAdapters

let registry = AdapterRegistry.builtIn
var failures = 0
for path in CommandLine.arguments.dropFirst() {
    do {
        let article = try registry.extract(try Document(page: try Page.read(path: path)))
        print(article.jsonLine)
    } catch {
        FileHandle.standardError.write(Data("SavedPagesExample: \(error)\n".utf8))
        failures += 1
    }
}
exit(failures == 0 ? 0 : 1)

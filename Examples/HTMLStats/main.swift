// Parses pages with the HTML module and the core's charset handling alone (no libcurl, no
// SQLite, so it starts in half the time of newskit-demo) and prints one JSON line per page,
// as `newskit-demo dom --stats` does: bytes, node count, encoding. scripts/bench-parse.sh
// times it beside lexbor.
//   swift run -c release HTMLStatsExample PAGE.html...
import Foundation
import NewsKitCore

/// One page's line.
struct Stats: Encodable {
    var path: String
    var bytes: Int?
    var nodes: Int?
    var encoding: String?
    var error: String?
}

let encoder = JSONEncoder()
encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
var failures = 0
var out = Data()
for path in CommandLine.arguments.dropFirst() {
    var stats = Stats(path: path)
    do {
        let page = try Page.read(path: path)
        let (document, decision) = HTMLParser.parse(page: page)
        stats.bytes = page.bytes.count
        stats.nodes = document.nodeCount
        stats.encoding = decision.encoding.rawValue
    } catch {
        FileHandle.standardError.write(Data("HTMLStatsExample: \(error)\n".utf8))
        stats.error = error.message
        failures += 1
    }
    out += (try? encoder.encode(stats)) ?? Data()
    out.append(0x0A)
    if out.count > 1 << 16 { FileHandle.standardOutput.write(out); out.removeAll() }
}
FileHandle.standardOutput.write(out)
exit(failures == 0 ? 0 : 1)

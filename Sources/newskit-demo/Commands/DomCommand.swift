import NewsKit

/// `newskit-demo dom [--tree] [--stats] [--blocks] [FILE...|-]`: the parsing layer on its own, and
/// the blocks the generic extractor reads from it.
enum DomCommand {
    static func run(_ args: ParsedArguments) -> Int32 {
        let stats = args.has("stats")
        let blocks = args.has("blocks")
        let tree = args.has("tree") || !(stats || blocks)
        let paths = DocumentFiles.expand(args.operands.isEmpty ? ["-"] : args.operands)
        var out = Output()
        var failures = 0
        if blocks { out.line(JSONLiteral.object(["features": "[" + BlockFeatures.names.map(JSONLiteral.quote).joined(separator: ",") + "]"])) }
        for path in paths {
            let page: Page
            do { page = try InputFiles.page(path) } catch {
                failures += 1
                warn("newskit-demo dom: \(error)")
                if stats { out.line(JSONLiteral.object(["path": JSONLiteral.quote(path), "error": JSONLiteral.quote(error.message)])) }
                continue
            }
            // The parser takes any bytes: decode by the sniffed encoding and parse, whatever the content.
            let (document, decision) = HTMLParser.parse(page: page)
            if stats {
                out.line(JSONLiteral.object([
                    "path": JSONLiteral.quote(path),
                    "bytes": String(page.bytes.count),
                    "nodes": String(document.nodeCount),
                    "encoding": JSONLiteral.quote(decision.encoding.rawValue),
                ]))
            }
            if blocks { BlockListing.lines(path: path, page: page).forEach { out.line($0) } }
            if tree {
                if paths.count > 1 { out.line("# \(path)") }
                out.line(document.treeDump())
            }
        }
        out.flush()
        return failures > 0 ? 1 : 0
    }
}

import Foundation
import NewsKit
import NewsKitAdapters

/// `newskit-demo entities [PATH...] [options]`: the entity table; the options are in ``CommandTable``.
enum EntitiesCommand {
    static func run(_ args: ParsedArguments) async throws(UsageError) -> Int32 {
        let format = args.text("format")!
        var problems: [String] = []
        let enrichers = EnrichmentOptions.enrichers(args, problems: &problems)
        guard problems.isEmpty else { throw UsageError(command: "entities", problems) }
        let files = try inputFiles(args.operands, command: "entities")
        let (articles, failures) = await readArticles(files, enrichers: enrichers, command: "entities")
        var out = Output()
        if format == "jsonl" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for a in articles {
                struct Row: Encodable { let article: String; let title: String?; let entities: [Entity] }
                if let d = try? encoder.encode(Row(article: a.id, title: a.title, entities: a.entities)) { out.line(String(decoding: d, as: UTF8.self)) }
            }
        } else {
            for line in table(articles) { out.line(line) }
        }
        out.flush()
        return failures > 0 ? 1 : 0
    }

    /// Rows: name, type, English name, total mentions, then mentions per article (`#2:5`).
    static func table(_ articles: [Article]) -> [String] {
        var lines = articles.enumerated().map { i, a in "#\(i + 1) \(a.title ?? a.file ?? a.id)" }
        struct Row { var name: String; var type: String; var english: String; var per: [(Int, Int)] = [] }
        var rows: [String: Row] = [:]
        var order: [String] = []
        for (i, a) in articles.enumerated() {
            for e in a.entities {
                let key = "\(e.type.rawValue):\(e.name)"
                if rows[key] == nil { rows[key] = Row(name: e.name, type: e.type.rawValue, english: e.englishName ?? "-"); order.append(key) }
                rows[key]!.per.append((i + 1, e.mentions))
            }
        }
        let sorted = order.compactMap { rows[$0] }.sorted {
            let a = $0.per.reduce(0) { $0 + $1.1 }, b = $1.per.reduce(0) { $0 + $1.1 }
            return a != b ? a > b : $0.name < $1.name
        }
        let w = min(24, sorted.map { displayWidth($0.name) }.max() ?? 4)
        let we = min(36, sorted.map { $0.english.count }.max() ?? 7)
        lines.append("")
        lines.append(pad("name", w) + "  " + pad("type", 12) + "  " + pad("english", we) + "  total  per article")
        for r in sorted {
            let total = r.per.reduce(0) { $0 + $1.1 }
            let per = r.per.map { "#\($0.0):\($0.1)" }.joined(separator: " ")
            lines.append(pad(r.name, w) + "  " + pad(r.type, 12) + "  " + pad(r.english, we) + "  " + pad(String(total), 5, right: true) + "  " + per)
        }
        return lines
    }

    /// Hangul and other wide characters take two columns in a terminal.
    static func displayWidth(_ s: String) -> Int { s.terminalWidth }

    static func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
        let n = max(0, width - displayWidth(s))
        return right ? String(repeating: " ", count: n) + s : s + String(repeating: " ", count: n)
    }
}

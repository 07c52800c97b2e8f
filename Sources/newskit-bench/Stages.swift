import Foundation
import NewsKit
import NewsKitAdapters

/// `newskit-bench stages`: microseconds per page for each step of extraction.
enum Stages {
    static func run(_ args: [String]) {
        var rounds = 5
        var files: [String] = []
        var i = 0
        while i < args.count {
            if args[i] == "--rounds", i + 1 < args.count { rounds = Int(args[i + 1]) ?? 5; i += 2; continue }
            files.append(args[i])
            i += 1
        }
        let pages = files.compactMap { try? Page.read(path: $0) }
        guard !pages.isEmpty else { print("no readable files"); return }
        var totals: [String: Double] = [:]
        var order: [String] = []
        func time<T>(_ name: String, _ body: () -> T) -> T {
            let start = DispatchTime.now().uptimeNanoseconds
            let v = body()
            if totals[name] == nil { order.append(name) }
            totals[name, default: 0] += Double(DispatchTime.now().uptimeNanoseconds - start) / 1000
            return v
        }
        let registry = AdapterRegistry.builtIn
        let gazetteer = try? Gazetteer.builtIn()
        let recognizer = gazetteer.map { EntityRecognizer(gazetteer: $0) }
        let rulesOnly = gazetteer.map { EntityRecognizer(gazetteer: $0, learnedModel: false) }
        let tracker = StoryTracker()
        var nodeTotal = 0, blockTotal = 0
        for page in pages { if let d = try? Document(page: page) { nodeTotal += d.html?.nodeCount ?? 0; blockTotal += d.blocks.count } }
        print("nodes/page \(nodeTotal / pages.count), blocks/page \(blockTotal / pages.count)")
        var sink = 0
        for _ in 0..<rounds {
            for page in pages {
                guard let doc = time("decode+parse", { try? Document(page: page) }) else { continue }
                let blocks = time("blocks", { doc.blocks })
                _ = time("metadata", { doc.metadata })
                _ = time("furniture (all blocks)", { blocks.reduce(0) { $0 + (Furniture.isFurniture($1.text) ? 1 : 0) } })
                let containers = time("content area", { GenericExtractor.mainContainers(blocks, document: doc) })
                let content = time("article blocks", { containers.isEmpty ? blocks : GenericExtractor.articleBlocks(blocks, containers: containers) })
                _ = time("assemble", { BlockAssembler(baseURL: doc.page.url).assemble(content) })
                _ = time("script data", { doc.html.flatMap { EmbeddedArticle.find(in: $0) } })
                let article = time("registry extract (all)", { try? registry.extract(doc) })
                if var a = article {
                    let scalars = Array(a.text.unicodeScalars)
                    _ = time("enrich: tagger alone", { EntityTagger.builtIn?.spans(scalars).count ?? 0 })
                    _ = time("enrich: entities, gazetteer and rules", { rulesOnly?.entities(in: a).count ?? 0 })
                    a.entities = time("enrich: entities (all)", { recognizer?.entities(in: a) ?? [] })
                    a.eventDates = time("enrich: event dates", { EventDateResolver().eventDates(in: a.text, reference: a.publishedAt) })
                    time("enrich: story", { tracker.assign(&a) })
                }
                let line = time("json line", { article?.jsonLine ?? "" })
                sink &+= line.utf8.count
            }
        }
        let n = Double(pages.count * rounds)
        print("\(pages.count) pages x \(rounds) rounds (µs per page, and relative to decode+parse, which does not change with the extraction code; the steps after metadata are also inside 'registry extract')")
        let parse = totals["decode+parse"] ?? 1
        for name in order { print(String(format: "%10.1f  %5.2f  %@", totals[name]! / n, totals[name]! / parse, name)) }
        if sink == 42 { print("") }
    }
}

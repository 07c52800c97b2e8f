import Foundation
import NewsKit

/// The enrichment options `extract`, `entities` and `stories` share.
struct EnrichmentOptions {
    static let flags: Set<String> = ["no-enrich"]
    static let options: Set<String> = ["gazetteer"]
    static let usage = """
      --gazetteer FILE extra gazetteer entries (JSON, the shape of Sources/NewsKit/Core/Enrichment/gazetteer.json)
                       added to the built-in list; repeatable
      --no-enrich      leave entities, event dates and story ids empty
    """

    /// The enrichers the options ask for; problems are appended to `args.problems`.
    static func enrichers(_ args: inout Arguments) -> [any ArticleEnricher] {
        if args.has("no-enrich") { return [] }
        do throws(GazetteerError) {
            var gazetteer = try Gazetteer.builtIn()
            for path in args.values("gazetteer") {
                gazetteer = gazetteer.merging(try Gazetteer(contentsOf: URL(fileURLWithPath: path)))
            }
            return [EntityEnricher(recognizer: EntityRecognizer(gazetteer: gazetteer)), EventDateEnricher()]
        } catch {
            args.problems.append(error.description)
            return []
        }
    }
}

import Foundation
import NewsKit

/// `--gazetteer FILE` (extract, fetch, crawl, entities, stories) and `--no-enrich` (extract,
/// fetch, crawl): the enrichers a command runs.
enum EnrichmentOptions {
    /// Whether the command was asked to skip enrichment.
    static func skipped(_ args: ParsedArguments) -> Bool {
        args.takes("no-enrich") && args.has("no-enrich")
    }

    /// The enrichers the options ask for; a gazetteer that cannot be read is a problem.
    static func enrichers(_ args: ParsedArguments, problems: inout [String]) -> [any ArticleEnricher] {
        if skipped(args) { return [] }
        do throws(GazetteerError) {
            var gazetteer = try Gazetteer.builtIn()
            for path in args.texts("gazetteer") {
                gazetteer = gazetteer.merging(try Gazetteer(contentsOf: URL(fileURLWithPath: path)))
            }
            return ArticleReader.standardEnrichers(gazetteer: gazetteer)
        } catch {
            problems.append(error.description)
            return []
        }
    }

    /// The story tracker, unless enrichment is skipped.
    static func stories(_ args: ParsedArguments) -> StoryTracker? {
        skipped(args) ? nil : StoryTracker()
    }
}

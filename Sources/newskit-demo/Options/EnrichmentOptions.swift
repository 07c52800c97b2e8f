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

    /// The problems ``enrichers(_:problems:)`` would find, without loading the built-in
    /// gazetteer: for a process that hands the extraction to a worker and only checks the options
    /// (each `--gazetteer FILE` is still read, so a bad one is named before any page is read).
    static func check(_ args: ParsedArguments, problems: inout [String]) {
        if skipped(args) { return }
        for path in args.texts("gazetteer") {
            do throws(GazetteerError) { _ = try Gazetteer(contentsOf: URL(fileURLWithPath: path)) } catch {
                problems.append(error.description)
            }
        }
    }

    /// The story tracker, unless enrichment is skipped.
    static func stories(_ args: ParsedArguments) -> StoryTracker? {
        skipped(args) ? nil : StoryTracker()
    }
}

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
            let builtIn = try Gazetteer.builtIn()
            let gazetteer = try userGazetteers(args).reduce(builtIn) { $0.merging($1) }
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
        do throws(GazetteerError) { _ = try userGazetteers(args) } catch { problems.append(error.description) }
    }

    /// The gazetteers `--gazetteer FILE` names, read in order.
    private static func userGazetteers(_ args: ParsedArguments) throws(GazetteerError) -> [Gazetteer] {
        var out: [Gazetteer] = []
        for path in args.texts("gazetteer") { out.append(try Gazetteer(contentsOf: URL(fileURLWithPath: path))) }
        return out
    }

    /// The story tracker, unless enrichment is skipped.
    static func stories(_ args: ParsedArguments) -> StoryTracker? {
        skipped(args) ? nil : StoryTracker()
    }
}

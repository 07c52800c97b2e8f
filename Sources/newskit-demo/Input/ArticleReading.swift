import Foundation
import NewsKit

/// Reads files into enriched articles through the same ``Pipeline`` as `extract` (all
/// processors, results in input order), naming each failure on stderr.
/// - Returns: the articles and how many inputs failed.
func readArticles(_ files: [String], enrichers: [any ArticleEnricher], stories: StoryTracker? = nil, command: String) async -> (articles: [Article], failures: Int) {
    let (inputs, unreadable) = FileInputs.make(files, command: command)
    let pipeline = Pipeline(registry: .builtIn, concurrency: max(1, min(ProcessInfo.processInfo.activeProcessorCount, 16, files.count)),
                            enrichers: enrichers, stories: stories)
    var articles: [Article] = []
    var failures = unreadable
    for await event in pipeline.events(for: inputs) {
        switch event {
        case .extracted(let a): articles.append(a)
        case .failed(let f):
            warn("newskit-demo \(command): \(f.description)")
            failures += 1
        case .started, .cancelled, .finished: break
        }
    }
    return (articles, failures)
}

/// The files of PATH arguments, or the bundled examples when there are none.
/// - Throws: a ``UsageError`` when there are no PATHs and the examples cannot be found.
func inputFiles(_ positionals: [String], command: String) throws(UsageError) -> [String] {
    var paths = positionals
    if paths.isEmpty {
        guard let examples = ExtractCommand.bundledExamples() else {
            throw UsageError(command: command, ["no PATH given and the bundled examples (Examples/seeds) were not found; run from the project root or pass files"])
        }
        paths = [examples]
    }
    return DocumentFiles.expand(paths)
}

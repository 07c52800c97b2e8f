import Foundation
import NewsKit

/// `newskit-demo stories [PATH...] [options]`: story groups with their headlines and dates.
enum StoriesCommand {
    static func run(_ args: ParsedArguments) async throws(UsageError) -> Int32 {
        var problems: [String] = []
        let enrichers = EnrichmentOptions.enrichers(args, problems: &problems)
        guard problems.isEmpty else { throw UsageError(command: "stories", problems) }
        let files = try inputFiles(args.operands, command: "stories")
        let (articles, failures) = await readArticles(files, enrichers: enrichers, stories: StoryTracker(), command: "stories")
        var out = Output()
        for line in lines(articles) { out.line(line) }
        out.flush()
        return failures > 0 ? 1 : 0
    }

    /// One block per story, in order of first appearance.
    static func lines(_ articles: [Article]) -> [String] {
        var order: [String] = []
        var groups: [String: [Article]] = [:]
        for a in articles {
            let s = a.storyID ?? "story-" + a.id
            if groups[s] == nil { order.append(s) }
            groups[s, default: []].append(a)
        }
        var lines: [String] = []
        for s in order {
            let members = groups[s]!
            let days = members.compactMap { a in (a.origin?.publishedAt ?? a.publishedAt).map { String($0.iso8601.prefix(10)) } }.sorted()
            let span = days.isEmpty ? "undated" : (days.first == days.last ? days[0] : "\(days.first!) – \(days.last!)")
            let events = Set(members.flatMap { $0.eventDates.prefix(1).map(\.date) }).sorted()
            lines.append("\(s)  \(members.count) article(s), \(span)" + (events.isEmpty ? "" : "; first event day " + events.joined(separator: ", ")))
            for a in members {
                let date = (a.publishedAt?.iso8601).map { String($0.prefix(16)).replacingOccurrences(of: "T", with: " ") } ?? "(undated)       "
                let source = a.source.name ?? a.source.id
                let headline = a.title ?? String(a.text.prefix(40)) + "…"
                var marks = ""
                if let d = a.duplicateOf { marks += "  [duplicate of \(d)]" }
                if let o = a.origin { marks += "  [repost of \(o.name)" + (o.articleID.map { " \($0)" } ?? "") + "]" }
                lines.append("  \(date)  \(source)  \(headline)\(marks)")
            }
            lines.append("")
        }
        return lines
    }
}

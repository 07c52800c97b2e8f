import Foundation
import NewsKit

/// `--shard I/N` on extract, fetch and crawl (see ``Shard``).
enum ShardOption {
    /// The shard asked for, nil for the whole run; a value that is not `I/N` with `0 <= I < N`
    /// goes to `problems`.
    static func read(_ args: ParsedArguments, problems: inout [String]) -> Shard? {
        guard let text = args.text("shard") else { return nil }
        guard let shard = Shard(parsing: text) else {
            problems.append("--shard must be I/N with 0 <= I < N (0/8 … 7/8), not \(text)")
            return nil
        }
        return shard
    }
}

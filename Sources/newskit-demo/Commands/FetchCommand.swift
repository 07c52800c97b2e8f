import Foundation
import NewsKit

/// `newskit-demo fetch URL... [options]`: fetches each page politely and extracts it; the options are in ``CommandTable``.
enum FetchCommand {
    static func run(_ args: ParsedArguments) async throws(UsageError) -> Int32 {
        var problems: [String] = []
        var urls: [URL] = []
        var dedupe = URLDeduplicator()
        for p in args.operands {
            guard let u = URL(string: p), let s = u.scheme, s == "http" || s == "https" else { problems.append("not an http(s) URL: \(p)"); continue }
            if dedupe.insert(p) { urls.append(u) }
        }
        if urls.isEmpty && problems.isEmpty { problems.append("give at least one URL") }
        if let shard = ShardOption.read(args, problems: &problems) { urls = urls.filter { shard.contains(Shard.hostKey($0)) } }
        guard let (pipeline, fetcher, warc) = FetchOptions.pipeline(args, problems: &problems) else {
            throw UsageError(command: "fetch", problems)
        }
        return await PipelineRunner.run(pipeline, inputs: urls.map { .url($0) }, command: "fetch", output: FetchOptions.output(args, pipeline),
                                        fetcher: fetcher, warc: warc)
    }
}

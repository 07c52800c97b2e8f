import NewsKit

/// The one table of newskit-demo's commands and options. It drives parsing
/// (``CommandLineParser``), `--help` (``HelpText``), the checks of values and of options that
/// cannot go together, and the error messages; the tests walk it, so an option added here is
/// tested without a new test.
///
/// An option is listed once with the commands that take it; it is accepted only there and listed
/// in the help of each. `-h`/`--help` belong to every command and are not in the table.
enum CommandTable {
    /// The commands, in the order `newskit-demo --help` lists them.
    static let commands: [CommandSpec] = [
        CommandSpec(
            name: "extract", summary: "read pages into articles (JSON Lines by default), or replay a WARC file",
            usage: ["[PATH...] [options]", "--warc FILE [options]"],
            operands: [OperandSpec(name: "PATH", help: "files and folders (.html, .htm, .txt, .md …), or - for standard input; with no PATH, the bundled examples (Examples/seeds)")],
            details: [
                "Articles come with entities, event dates, story ids and duplicate/repost links (stories are decided in input order, from the articles before).",
                "One article per input on stdout; a summary on stderr. An input that cannot be read or extracted is named on stderr (and as {\"error\": …, \"path\": …} in jsonl); the exit status is 1 when any input failed, after every other input was processed.",
            ],
            conflicts: [
                Conflict("warc", with: [.operands], because: "the archive is the input; give PATHs or --warc, not both"),
                Conflict("warc", with: [.option("explain")], because: "--explain reads pages from files"),
                Conflict("url", with: [.option("warc")], because: "archived records carry their own URLs"),
                Conflict("explain", with: [.option("jobs")], because: "--explain extracts one page at a time"),
                Conflict("format", with: [.option("sink")], because: "with --sink the articles go to the sinks, not to standard output"),
                Conflict("no-enrich", with: [.option("gazetteer")], because: "--no-enrich reads no gazetteer"),
            ],
            run: { args throws(UsageError) in try await ExtractCommand.run(args) }),
        CommandSpec(
            name: "fetch", summary: "fetch pages politely and extract them",
            usage: ["URL... [options]"],
            operands: [OperandSpec(name: "URL", help: "http(s) pages; a URL given twice is fetched once")],
            details: [
                "Fetches each URL and extracts its article: JSON Lines on stdout, each failure as one line {\"error\": …, \"url\": …} (and on stderr); progress and a summary on stderr. Polite unless asked: robots.txt is obeyed, --per-host and --delay hold for each host, and retries back off, honouring Retry-After. The exit status is 1 when any page failed.",
            ],
            conflicts: networkConflicts,
            run: { args throws(UsageError) in try await FetchCommand.run(args) }),
        CommandSpec(
            name: "crawl", summary: "discover articles in feeds and sitemaps, then fetch and extract them",
            usage: ["FEED-OR-SITEMAP-URL... [--since DATE] [--limit N] [options]"],
            operands: [OperandSpec(name: "FEED-OR-SITEMAP-URL", help: "RSS/Atom feeds, sitemaps, sitemap indexes and Google News sitemaps, or an adapter id such as yonhap for that site's feeds")],
            details: [
                "Reads the listings, then fetches and extracts the articles found, as fetch does. The exit status is 1 when a listing or a page failed.",
            ],
            conflicts: networkConflicts,
            run: { args throws(UsageError) in try await CrawlCommand.run(args) }),
        CommandSpec(
            name: "discover", summary: "list what crawl would fetch from feeds and sitemaps, without fetching the articles",
            usage: ["FEED-OR-SITEMAP-URL... [--since DATE] [--limit N] [options]"],
            operands: [OperandSpec(name: "FEED-OR-SITEMAP-URL", help: "RSS/Atom feeds, JSON Feeds, sitemaps, sitemap indexes and Google News sitemaps, or an adapter id such as yonhap for that site's feeds")],
            details: [
                "Reads the listings (politely, as crawl does) and prints each article URL crawl would fetch, in canonical form and listing order, with the date and headline the listing gives: text on a terminal, JSON Lines {\"url\", \"published\", \"title\"} otherwise (a listing that failed as {\"listing\", \"error\"}). The exit status is 1 when a listing failed.",
            ],
            run: { args throws(UsageError) in try await DiscoverCommand.run(args) }),
        CommandSpec(
            name: "entities", summary: "the people, organizations and places named, per article",
            usage: ["[PATH...] [options]"],
            operands: [OperandSpec(name: "PATH", help: "files and folders; with no PATH, the bundled examples (Examples/seeds)")],
            run: { args throws(UsageError) in try await EntitiesCommand.run(args) }),
        CommandSpec(
            name: "stories", summary: "group articles about the same event, with headlines and dates",
            usage: ["[PATH...] [options]"],
            operands: [OperandSpec(name: "PATH", help: "files and folders; with no PATH, the bundled examples (Examples/seeds)")],
            details: [
                "Prints each story (articles about the same event: shared key entities, event days within two days, similar headlines) with its articles' dates, sources and headlines; near-duplicates and reposts are marked. Stories are decided in input order.",
            ],
            run: { args throws(UsageError) in try await StoriesCommand.run(args) }),
        CommandSpec(
            name: "search", summary: "full-text search (Korean substrings) in a --sink sqlite database or a postgres:// one",
            usage: ["DB QUERY... [--limit N]"],
            operands: [
                OperandSpec(name: "DB", help: "a database written by --sink sqlite:DB, or a postgres://USER@HOST:PORT/DB URI written by --sink postgres://…"),
                OperandSpec(name: "QUERY", help: "words to find in titles and texts (substrings: 전화통화 finds 김정은과 전화통화…); every word must occur"),
            ],
            details: [
                "Prints each match's date, source and headline, then a snippet; the count goes to stderr. The exit status is 1 when nothing matches, 2 when the database cannot be read.",
            ],
            run: { args throws(UsageError) in try SearchCommand.run(args) }),
        CommandSpec(
            name: "adapters", summary: "list the site adapters and what they read",
            usage: [""],
            details: ["One line per adapter, in priority order: id, version, what it reads, and the hosts it claims."],
            run: { args in AdaptersCommand.run(args) }),
        CommandSpec(
            name: "dom", summary: "parse HTML; print the tree or per-file statistics",
            usage: ["[--tree | --stats | --blocks] [FILE|FOLDER...|-]"],
            operands: [OperandSpec(name: "FILE", help: "files and folders, or - for standard input (the default)")],
            conflicts: [
                Conflict("tree", with: [.option("stats"), .option("blocks")], because: "the tree, the statistics and the blocks are three outputs; choose one"),
                Conflict("stats", with: [.option("blocks")], because: "the statistics and the blocks are two outputs; choose one"),
            ],
            run: { args in DomCommand.run(args) }),
        CommandSpec(
            name: "help", summary: "a command's usage and options (the same as COMMAND --help)",
            usage: ["[COMMAND]"],
            operands: [OperandSpec(name: "COMMAND", help: "a command (newskit-demo --help lists them); with none, the program's help")],
            run: { args throws(UsageError) in try HelpCommand.run(args) }),
    ]

    /// What `fetch` and `crawl` cannot take together.
    static let networkConflicts: [Conflict] = [
        Conflict("format", with: [.option("sink")], because: "with --sink the articles go to the sinks, not to standard output"),
        Conflict("no-enrich", with: [.option("gazetteer")], because: "--no-enrich reads no gazetteer"),
    ]

    /// Every option, in the order each command's help lists its own.
    static let options: [OptionSpec] = [
        OptionSpec(name: "warc", placeholder: "FILE", kind: .text,
                   help: "replay a WARC file (.warc or .warc.gz, e.g. written by fetch --warc): every response record is extracted, without the network; several are replayed one after another (with --shard, each archive goes to one shard)",
                   commands: ["extract"], repeatable: true),
        OptionSpec(name: "shard", placeholder: "I/N", kind: .text,
                   help: "do only part I of N (0/8 … 7/8) of the run, so N workers share it: inputs are split by a stable hash of the path (extract), of the host (fetch, crawl: each host's politeness stays in one worker) or of the archive's path (extract --warc); the N parts are disjoint and together are the whole run",
                   commands: ["extract", "fetch", "crawl"]),
        OptionSpec(name: "since", placeholder: "DATE", kind: .text,
                   help: "only articles listed as published on or after DATE (2025-08-13 or ISO-8601)", commands: ["crawl", "discover"]),
        OptionSpec(name: "limit", placeholder: "N", kind: .wholeNumber(1...Int.max), help: "at most N articles", commands: ["crawl", "discover"]),
        OptionSpec(name: "timeout", placeholder: "SECONDS", kind: .seconds(0.1...3600), help: "total time per request",
                   commands: ["fetch", "crawl", "discover"], defaultValue: "30"),
        OptionSpec(name: "retries", placeholder: "N", kind: .wholeNumber(0...20), help: "retries on connection errors, timeouts, 429 and 5xx",
                   commands: ["fetch", "crawl", "discover"], defaultValue: "3"),
        OptionSpec(name: "jobs", placeholder: "N", kind: .wholeNumber(1...1024), help: "transfers at once",
                   commands: ["fetch", "crawl"], defaultValue: "8", deprecatedNames: ["concurrency"]),
        OptionSpec(name: "per-host", placeholder: "N", kind: .wholeNumber(1...256), help: "transfers at once to one host",
                   commands: ["fetch", "crawl", "discover"], defaultValue: "2"),
        OptionSpec(name: "delay", placeholder: "SECONDS", kind: .seconds(0...PoliteFetcher.Configuration.maximumDelay),
                   help: "minimum time between requests to one host", commands: ["fetch", "crawl", "discover"], defaultValue: "1"),
        OptionSpec(name: "max-crawl-delay", placeholder: "SECONDS", kind: .seconds(0...PoliteFetcher.Configuration.maximumDelay),
                   help: "the longest robots.txt Crawl-delay obeyed; a host asking for more is capped, with a warning naming it",
                   commands: ["fetch", "crawl", "discover"], defaultValue: "30"),
        OptionSpec(name: "user-agent", placeholder: "S", kind: .text, help: "the User-Agent sent", commands: ["fetch", "crawl", "discover"]),
        OptionSpec(name: "cache", placeholder: "DIR", kind: .text,
                   help: "keep responses in DIR; a rerun asks only for what changed (ETag, Last-Modified)", commands: ["fetch", "crawl", "discover"]),
        OptionSpec(name: "warc", placeholder: "FILE", kind: .text, help: "archive every response to FILE (.warc or .warc.gz)",
                   commands: ["fetch", "crawl"]),
        OptionSpec(name: "ignore-robots", placeholder: nil, kind: .flag, help: "do not obey robots.txt (politeness is on unless asked)",
                   commands: ["fetch", "crawl", "discover"]),
        OptionSpec(name: "format", placeholder: "F", kind: .choice(["jsonl", "json", "markdown", "text", "brief"]),
                   help: "jsonl: one article per line, and each failure as {\"error\": …}; json: one array of articles; markdown and text: each article opened by its title, source, date and URL; brief: a few lines per article (title, source, date, authors, first lines, warnings). Default: brief when standard output is a terminal, jsonl otherwise",
                   commands: ["extract", "fetch", "crawl"]),
        OptionSpec(name: "format", placeholder: "F", kind: .choice(["text", "jsonl"]),
                   help: "text: each URL under its date and headline; jsonl: one {\"url\", \"published\", \"title\"} per URL. Default: text when standard output is a terminal, jsonl otherwise",
                   commands: ["discover"]),
        OptionSpec(name: "format", placeholder: "F", kind: .choice(["table", "jsonl"]),
                   help: "table: one row per entity with its type, English name and mentions per article; jsonl: one {\"article\", \"title\", \"entities\"} per article",
                   commands: ["entities"], defaultValue: "table"),
        OptionSpec(name: "non-articles", placeholder: "K", kind: .choice(["skip", "keep"]),
                   help: "pages that are not articles (a front or list page, a page whose text cannot be found): skip counts each as failed, naming why; keep delivers what the page states (title, dates, teasers) with pageKind thin or index and the reason in its warnings",
                   commands: ["extract", "fetch", "crawl"], defaultValue: "skip"),
        OptionSpec(name: "adapter", placeholder: "ID", kind: .text,
                   help: "use this adapter for every page instead of choosing one (see newskit-demo adapters)",
                   commands: ["extract", "fetch", "crawl"]),
        OptionSpec(name: "jobs", placeholder: "N", kind: .wholeNumber(1...256),
                   help: "pages extracted at once, the output kept in input order; by default the number of processors (4 with --warc)",
                   commands: ["extract"]),
        OptionSpec(name: "url", placeholder: "URL", kind: .text,
                   help: "the URL the one saved PATH was fetched from, so the site's adapter reads it and its links resolve (for many files, put each URL in a .url file beside its page: page.html and page.url; they are read unless --url is given)",
                   commands: ["extract"]),
        OptionSpec(name: "explain", placeholder: nil, kind: .flag,
                   help: "also say on stderr how the generic extractor reads each page (content area, merged boxes, runners-up, article data in scripts)",
                   commands: ["extract"]),
        OptionSpec(name: "no-isolate", placeholder: nil, kind: .flag,
                   help: "extract in this process; by default a worker process extracts, so a page that crashes it is named as a failure and the run goes on without it",
                   commands: ["extract"]),
        OptionSpec(name: "inputs-from", placeholder: "FILE", kind: .text,
                   help: "the inputs, each ended by a NUL (for the workers newskit-demo starts itself)",
                   commands: ["extract"], hidden: true),
        OptionSpec(name: "sink", placeholder: "KIND:PATH", kind: .text,
                   help: "write articles to a sink instead of standard output: jsonl:FILE (append, synced per batch), sqlite:FILE (upsert, full-text search: newskit-demo search FILE QUERY), report:FILE.html (one self-contained page), markdown:DIR (one file per article), postgres://USER@HOST:PORT/DB (a libpq URI: upsert into PostgreSQL, safe with many writers, search: newskit-demo search URI QUERY); a rerun with the same sinks skips the inputs they already store, so a killed run resumes",
                   commands: ["extract", "fetch", "crawl"], repeatable: true),
        OptionSpec(name: "gazetteer", placeholder: "FILE", kind: .text,
                   help: "extra gazetteer entries (JSON, the shape of Sources/NewsKit/Core/Enrichment/gazetteer.json) added to the built-in list",
                   commands: ["extract", "fetch", "crawl", "entities", "stories"], repeatable: true),
        OptionSpec(name: "no-enrich", placeholder: nil, kind: .flag, help: "leave entities, event dates and story ids empty",
                   commands: ["extract", "fetch", "crawl"]),
        OptionSpec(name: "limit", placeholder: "N", kind: .wholeNumber(1...10_000), help: "at most N results, newest first",
                   commands: ["search"], defaultValue: "20"),
        OptionSpec(name: "tree", placeholder: nil, kind: .flag,
                   help: "print each document in the html5lib tree-construction format (the default)", commands: ["dom"]),
        OptionSpec(name: "stats", placeholder: nil, kind: .flag,
                   help: "parse every file and print one JSON line per file: {\"bytes\": …, \"encoding\": …, \"nodes\": …, \"path\": …}",
                   commands: ["dom"]),
        OptionSpec(name: "blocks", placeholder: nil, kind: .flag,
                   help: "print one JSON line per text block: what the generic extractor's block classifier reads of it (features, probability) and whether the article keeps it; the first line names the features (scripts/fit-blocks.py reads this)",
                   commands: ["dom"]),
    ]

    /// The command called `name`.
    static func command(named name: String) -> CommandSpec? {
        commands.first { $0.name == name }
    }

    /// The options `command` takes, in table order.
    static func options(of command: String) -> [OptionSpec] {
        options.filter { $0.commands.contains(command) }
    }
}

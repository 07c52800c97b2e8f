import Foundation
import NewsKit

let usage = """
newskit-demo: read Korean news pages into clean, structured articles.

usage: newskit-demo <command> [options]

commands:
  extract [PATH...] [--format F] [--adapter ID]   read pages into articles (JSON Lines by default)
  extract --warc FILE                             replay a WARC file without the network
  fetch URL... [options]                          fetch pages politely and extract them
  crawl FEED-OR-SITEMAP... [--since D] [--limit N]  discover articles in feeds/sitemaps, fetch, extract
  entities [PATH...]                              the people, organizations and places named, per article
  stories [PATH...]                               group articles about the same event, with headlines and dates
  search DB QUERY                                 full-text search (Korean substrings) in a --sink sqlite database
  adapters                                        list the site adapters and what they read
  dom [--tree] [--stats] [FILE...|-]              parse HTML; print the tree or per-file statistics

Run `newskit-demo <command> --help` for a command's options.
"""

let arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first else {
    print(usage)
    exit(0)
}
let rest = Array(arguments.dropFirst())
let status: Int32
switch command {
case "dom": status = DomCommand.run(rest)
case "extract": status = await ExtractCommand.run(rest)
case "fetch": status = await FetchCommand.fetch(rest)
case "crawl": status = await FetchCommand.crawl(rest)
case "adapters": status = AdaptersCommand.run(rest)
case "entities": status = await EntitiesCommand.run(rest)
case "stories": status = await StoriesCommand.run(rest)
case "search": status = SearchCommand.run(rest)
case "help", "--help", "-h": print(usage); status = 0
default:
    warn("newskit-demo: unknown command \(command)\n")
    warn(usage)
    status = 2
}
exit(status)

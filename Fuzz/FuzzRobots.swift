// libFuzzer target `robots`: robots.txt parsing and matching (`RobotsTxt`).
//
// Input layout. First byte even: the rest is the robots.txt text, raw, and the paths asked
// about come from its own rule values. Odd: the rest is a program writing lines (user-agent,
// allow, disallow, crawl-delay, sitemap, comments, junk) whose values are built from pieces
// (`*` runs, a final `$`, percent escapes, queries), repeated up to ~100k times, and then the
// paths to ask about. Checks: `/robots.txt` is always allowed; the matcher agrees with a plain
// dynamic-programming matcher; a crawl delay is never negative or NaN (the fetcher caps large
// and infinite ones: before it did, `Crawl-delay: 1e999` trapped HostScheduler's
// `UInt64(wait * 1e9)`, which this target found).
// Built by scripts/fuzz.sh robots; see docs/fuzzing.md.

import Foundation
@testable import NewsKitHTML
@testable import NewsKitCore
@testable import NewsKitFetching

enum RobotsProgram {
    static let keys = ["User-agent", "user-agent", "USER-AGENT", "Allow", "allow", "Disallow", "disallow", "DISALLOW",
                       "Crawl-delay", "crawl-delay", "Sitemap", "sitemap", "Host", "Noindex", "Request-rate", "", " User-agent "]
    static let agents = ["*", "NewsKit", "newskit", "NewsKit/0.4", "Googlebot", "Googlebot-News", "news", "n", "", "* ", "*bot", "-", "_"]
    static let pieces = ["/", "*", "$", "/*", "*$", ".php", "/news/", "/private", "?", "?q=", "&", "=", "%7E", "%7e", "%2F",
                         "%2f", "%", "%4", "%zz", "%41", "~", "/%EA%B8%B0", "/기사", "#", "a", "aa", " ", "\t", "//", "/.", "/..", "$$", "**"]
    static let delays = ["1", "0", "0.5", "-1", "10", "1e3", "1e308", "1e999", "inf", "infinity", "nan", "-0", "18446744073",
                         "99999999999", "0x10", "1,5", "", " 2 ", "3s", ".5", "5."]
    static let userAgents = ["NewsKit/0.4 (+https://github.com/newskit)", "Googlebot/2.1", "", "*", "news-bot", "NEWSKIT"]
    static let separators = ["\n", "\r\n", "\r", "\n\n"]

    static func value(_ input: inout FuzzInput) -> String {
        var s = ""
        for _ in 0..<(1 + input.int(6)) {
            if input.int(8) == 0 {
                let piece = input.pick(pieces)
                s += String(repeating: piece, count: min(input.repeatCount(), 100_000 / max(1, piece.utf8.count)))
            } else {
                s += input.pick(pieces)
            }
        }
        return s
    }

    static func run(_ input: inout FuzzInput) -> (text: String, paths: [String]) {
        var text = ""
        var paths: [String] = ["/", "/robots.txt", "/news/1.html?a=b"]
        // 512 KiB: Google reads the first 500 KiB of a robots.txt; NewsKit has no cap of its own.
        while !input.isExhausted && text.utf8.count < (512 << 10) {
            let op = input.byte()
            let sep = separators[Int(op >> 4) % separators.count]
            switch op % 9 {
            case 0: text += "User-agent: \(input.pick(agents))" + sep
            case 1: text += "Disallow: \(value(&input))" + sep
            case 2: text += "Allow: \(value(&input))" + sep
            case 3: text += "Crawl-delay: \(input.pick(delays))" + sep
            case 4: text += "Sitemap: https://e.x/\(value(&input))" + sep
            case 5: text += "\(input.pick(keys))\(input.pick([":", " : ", "", "::"]))\(value(&input))\(input.pick(["", " # comment", "#"]))" + sep
            case 6: paths.append(value(&input))
            case 7:   // one line repeated
                let line = "\(input.pick(["Disallow", "Allow", "User-agent"])): \(value(&input))" + sep
                text += String(repeating: line, count: min(input.repeatCount(), (512 << 10) / max(1, line.utf8.count)))
            default:
                text += String(decoding: input.chunk(maxLength: 32), as: UTF8.self)
            }
        }
        return (text, paths)
    }

    /// Reference matcher: `*` matches any run, a final `$` anchors at the end, and without it the
    /// pattern matches a prefix of the path (that is, as if it ended in `*`). O(pattern × path).
    static func referenceMatches(_ pattern: [UInt8], _ path: [UInt8]) -> Bool {
        var p = pattern
        if p.last == 0x24 { p.removeLast() } else { p.append(0x2A) }
        // row[j]: whether p[..<i] matches path[..<j].
        var row = [Bool](repeating: false, count: path.count + 1)
        row[0] = true
        for c in p {
            var next = [Bool](repeating: false, count: path.count + 1)
            if c == 0x2A {
                var any = false
                for j in 0...path.count { any = any || row[j]; next[j] = any }
            } else {
                for j in 0..<path.count where row[j] && path[j] == c { next[j + 1] = true }
            }
            row = next
        }
        return row[path.count]
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRobots(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var input = FuzzInput(Array(UnsafeBufferPointer(start: data, count: size)))
    let mode = input.byte()
    let text: String
    var paths: [String]
    if mode & 1 == 0 {
        text = String(decoding: input.rest(), as: UTF8.self)
        paths = ["/", "/robots.txt", "/a/b?c=d"]
    } else {
        (text, paths) = RobotsProgram.run(&input)
    }
    FuzzDebug.dump(Array(text.utf8))
    let robots = RobotsTxt(text)
    // The rules' own patterns are good paths to ask about (with and without their wildcards).
    for g in robots.groups.prefix(4) {
        for r in g.rules.prefix(8) {
            let p = String(decoding: r.pattern, as: UTF8.self)
            paths.append(p)
            paths.append(p.replacingOccurrences(of: "*", with: "x").replacingOccurrences(of: "$", with: ""))
        }
    }
    // Request paths are short in practice (servers refuse request lines over 8 KiB); the matcher
    // is O(pattern × path), so a path of 100k bytes would only measure that.
    paths = paths.map { $0.utf8.count <= 8192 ? $0 : String(decoding: $0.utf8.prefix(8192), as: UTF8.self) }
    for agent in RobotsProgram.userAgents {
        require(robots.isAllowed("/robots.txt", userAgent: agent), "/robots.txt disallowed for \(agent)")
        for path in paths.prefix(24) { _ = robots.isAllowed(path, userAgent: agent) }
        // RobotsTxt reports what the file asks for (inf, 1e308 included); PoliteFetcher and
        // HostScheduler cap it before sleeping. It is never negative or NaN.
        if let delay = robots.crawlDelay(userAgent: agent) {
            require(delay >= 0 && !delay.isNaN, "crawl delay \(delay) for \(agent)")
        }
    }
    if let url = URL(string: "https://e.x" + (paths.last ?? "/")) { _ = robots.isAllowed(url, userAgent: "NewsKit") }
    // The matcher against the reference, on rule and path pairs while the O(n·m) reference
    // stays within a budget of 4M steps per input.
    var budget = 4_000_000
    for g in robots.groups.prefix(8) {
        for r in g.rules.prefix(16) {
            for path in paths.prefix(16) {
                let target = RobotsTxt.normalize(path.isEmpty ? "/" : path)
                let cost = (r.pattern.count + 1) * (target.count + 1)
                guard cost <= budget else { continue }
                budget -= cost
                let expected = RobotsProgram.referenceMatches(r.pattern, target)
                require(RobotsTxt.matches(r.pattern, target) == expected,
                             "matches(\(String(decoding: r.pattern, as: UTF8.self)), \(path)) is not \(expected)")
            }
        }
    }
    return 0
}

// Benchmarks that need a process of their own (peak memory is per process).
//
//   newskit-bench stages [--rounds N] FILE...
//
// Times each stage of extraction over the files (read once, then N rounds in memory): decode
// and parse, blocks, metadata, adapter choice, and the generic extractor's own steps, and
// prints microseconds per page for each. For finding where the time goes, not for headline
// figures (use ../shared/bench/peers.py for those).
//
//   newskit-bench fetch --pages N --concurrency C [--latency SECONDS] [--mode transport|pipeline]
//
// Starts a local HTTP server that answers every request after `latency` (default 0.05 s) with a
// 40 KB news page, fetches N distinct URLs with C transfers at once, and prints one JSON line:
// pages, concurrency, seconds, pages/s, ideal pages/s (C / latency), share of ideal, peak RSS.
// `transport` measures CurlFetcher alone; `pipeline` fetches politely (robots.txt, per-host
// limit = C, no delay), extracts every article and discards it.
import Foundation
import NewsKit
import NewsKitAdapters
import TestHTTPServer

func arg(_ name: String, _ d: String) -> String {
    let a = CommandLine.arguments
    if let i = a.firstIndex(of: "--" + name), i + 1 < a.count { return a[i + 1] }
    return d
}

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

guard CommandLine.arguments.count > 1, ["fetch", "stages", "tagger"].contains(CommandLine.arguments[1]) else {
    FileHandle.standardError.write(Data("""
        usage: newskit-bench fetch --pages N --concurrency C [--latency S] [--mode transport|pipeline]
               newskit-bench stages [--rounds N] FILE...
               newskit-bench tagger KLUE.tsv

        """.utf8))
    exit(2)
}
if CommandLine.arguments[1] == "tagger" {
    TaggerSpeed.run(Array(CommandLine.arguments.dropFirst(2)))
    exit(0)
}
if CommandLine.arguments[1] == "stages" {
    Stages.run(Array(CommandLine.arguments.dropFirst(2)))
    exit(0)
}
let pages = Int(arg("pages", "1000")) ?? 1000
let concurrency = Int(arg("concurrency", "8")) ?? 8
let latency = Double(arg("latency", "0.05")) ?? 0.05
let mode = arg("mode", "transport")

// A realistic page: headline, metadata, 40 paragraphs of Korean text.
var html = "<!DOCTYPE html><html lang=ko><head><meta charset=utf-8><title>벤치마크 기사 | 한반도일보</title>"
html += "<meta property=\"og:site_name\" content=\"한반도일보\"><meta property=\"article:published_time\" content=\"2025-08-13T08:00:00+09:00\"></head><body>"
html += "<div id=gnb><a href=/>홈</a><a href=/nk>북한</a></div><article id=article-body><h1>북·러 정상, 전화 통화로 협력 재확인</h1>"
for i in 0..<40 { html += "<p>북한과 러시아가 \(i)일 정상 간 통화를 통해 포괄적 전략적 동반자 관계 조약에 따른 협력을 재확인했다고 조선중앙통신이 보도했다. 양국은 경제와 군사 분야 교류를 넓히기로 했다.</p>" }
html += "<p>홍길동 기자 hong@example.com</p></article></body></html>"
let body = Array(html.utf8)
let server = try LocalHTTPServer(keepsLog: false) { r in
    if r.path == "/robots.txt" { return .respond(.text("User-agent: *\nAllow: /")) }
    return .respond(.init(status: 200, headers: [HTTPHeader(name: "Content-Type", value: "text/html; charset=utf-8")], body: body, delay: latency))
}
let urls = (0..<pages).map { server.url("/news/\($0)") }

let started = Date()
var ok = 0
switch mode {
case "pipeline":
    var config = PoliteFetcher.Configuration()
    config.delay = 0
    config.maximumPerHost = concurrency
    config.maximumConcurrent = concurrency
    let fetcher = try PoliteFetcher(configuration: config)
    let pipeline = Pipeline(registry: .builtIn, fetcher: fetcher, concurrency: concurrency)
    let summary = await pipeline.run(urls.map { .url($0) })
    ok = summary.extracted
default:
    let fetcher = CurlFetcher(maximumConcurrentTransfers: concurrency)
    ok = await withTaskGroup(of: Int.self) { group in
        var next = 0, inFlight = 0, done = 0
        func add() {
            let url = urls[next]
            next += 1
            inFlight += 1
            group.addTask { ((try? await fetcher.fetch(FetchRequest(url: url)))?.httpStatus == 200) ? 1 : 0 }
        }
        while next < urls.count && inFlight < concurrency { add() }
        for await r in group {
            done += r
            inFlight -= 1
            if next < urls.count { add() }
        }
        return done
    }
}
let seconds = Date().timeIntervalSince(started)
server.stop()
let rate = Double(pages) / seconds
let ideal = Double(concurrency) / latency
print(String(format: "{\"mode\": \"%@\", \"pages\": %d, \"ok\": %d, \"concurrency\": %d, \"latency\": %.3f, \"seconds\": %.2f, \"pagesPerSecond\": %.1f, \"ideal\": %.1f, \"ofIdeal\": %.3f, \"peakRSSMB\": %.1f}",
             mode, pages, ok, concurrency, latency, seconds, rate, ideal, rate / ideal, peakRSSMegabytes()))

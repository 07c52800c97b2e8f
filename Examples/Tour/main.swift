import Foundation
import NewsKit
import NewsKitAdapters

// The sample pages are NewsKit's Examples/seeds: pass that folder's path when you run this from
// your own package (`swift run tour /path/to/NewsKit/Examples/seeds`).
let seeds = CommandLine.arguments.dropFirst().first ?? "Examples/seeds"
let sample = seeds + "/000_902ba53e243bc19e.txt"
guard FileManager.default.fileExists(atPath: sample) else {
    print("no \(sample): pass the path of NewsKit's Examples/seeds folder")
    exit(2)
}

// One call gives what `newskit-demo extract` prints: the most confident adapter reads the page,
// then entities, event dates and the story id are added (`.none` turns that off).
let reader = try ArticleReader.builtIn()
let article = try reader.read(path: sample)
print(article.adapter.id, article.title ?? "")    // yonhap-repost 푸틴, 김정은과 전화통화…
print(article.origin?.publishedAt?.iso8601 ?? "")  // 2025-08-13T08:00:00+09:00 (Yonhap's 송고 time)
print(article.entities.count, article.storyID ?? "")
print(article.jsonLine)                            // the documented JSON, one line

// The steps underneath. Bytes plus provenance; nothing decoded yet.
let page = try Page.read(path: sample)
// Decode once (BOM, Content-Type, <meta> prescan; euc-kr means CP949) and recognize the kind.
let document = try Document(page: page)
print(document.kind)       // textCapture
print(document.encoding)   // UTF-8 (sniffed): no declaration; the bytes are valid UTF-8
// The registry asks every site adapter how sure it is and lets the most confident one read
// (the article is complete: id, language; no enrichment).
let plain = try AdapterRegistry.builtIn.extract(document)
// Every kind reads as blocks: text with a role, link density and element path.
for block in document.blocks { print(block.role, block.text) }

// The HTML layer stands alone (docs/html.md): a WHATWG parser over bytes, a compact DOM, CSS selectors.
let html = HTMLParser.parse("<article><p class=lead>북한 <b>김정은</b></p></article>")
let lead = try CSSSelector("article > p.lead")
print(html.select(lead).first?.textContent ?? "")   // 북한 김정은

// How to write a site adapter and use it before the built-in ones (docs/adding-an-adapter.md).
// Run: swift run CustomAdapterExample
import Foundation
import NewsKit
import NewsKitAdapters

let html = """
<html><body><h1 class="headline">[단독] 예시 기사 제목</h1><span class="published">입력 2025.08.13 09:30</span>
<div class="article-body"><p>첫 문단입니다.</p><p>둘째 문단입니다.</p><p>홍길동 기자 hong@example-daily.kr</p></div></body></html>
"""
let page = Page(bytes: Array(html.utf8), requestedURL: URL(string: "https://www.example-daily.kr/news/1"))
do {
    let registry = try AdapterRegistry([ExampleDailyAdapter()] + BuiltinAdapters.all)
    let article = try registry.extract(try Document(page: page))
    print(article.jsonLine)
} catch {
    print("error: \(error)")
    exit(1)
}

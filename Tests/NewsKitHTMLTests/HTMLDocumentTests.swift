import Foundation
import Testing
@testable import NewsKitHTML
import TestSupport

@Suite struct HTMLDocumentTests {
    static let page = """
    <!DOCTYPE html><html lang="ko"><head><title> 푸틴, 김정은과  전화통화 </title>
    <meta property="og:title" content="OG 제목"></head>
    <body><div id="wrap" class="main article"><h1 class="tit">헤드라인</h1>
    <p class="lead first">첫 <b>문단</b></p><p>둘째 <a href="/a">링크</a></p>
    <ul><li>하나</li><li class="x">둘</li><li>셋</li></ul>
    <template><p>숨은</p></template></div></body></html>
    """

    @Test func navigationFollowsTheTree() throws {
        let doc = HTMLParser.parse(HTMLDocumentTests.page)
        #expect(doc.title == "푸틴, 김정은과 전화통화")
        let body = try #require(doc.body)
        let wrap = try #require(body.children.first)
        #expect(wrap.tagName == "div")
        #expect(wrap.elementID == "wrap")
        #expect(wrap.classList == ["main", "article"])
        let h1 = try #require(wrap.children.first)
        #expect(h1.parent == wrap)
        #expect(h1.nextElementSibling?.classList == ["lead", "first"])
        #expect(h1.nextElementSibling?.previousElementSibling == h1)
        #expect(h1.ancestors.map(\.tagName).prefix(3) == ["div", "body", "html"])
        #expect(doc.head?.children.map(\.tagName) == ["title", "meta"])
        #expect(wrap.descendants.filter { $0.isElement(named: "li") }.count == 3)
    }

    @Test func attributesAndText() throws {
        let doc = HTMLParser.parse(HTMLDocumentTests.page)
        let meta = try #require(try doc.select("meta[property='og:title']").first)
        #expect(meta.attribute("content") == "OG 제목")
        #expect(meta.hasAttribute("property"))
        #expect(meta.attribute("missing") == nil)
        #expect(try doc.select("p.lead").first?.textContent == "첫 문단")
        #expect(try doc.select("a").first?.attributes.map(\.name) == ["href"])
    }

    @Test func templateContentIsOutsideTheMainTree() throws {
        let doc = HTMLParser.parse(HTMLDocumentTests.page)
        #expect(!(doc.body?.textContent.contains("숨은") ?? true))
        let template = try #require(try doc.select("template").first)
        #expect(template.templateContent?.textContent == "숨은")
    }

    @Test func selectorsOfEveryKind() {
        let doc = HTMLParser.parse(HTMLDocumentTests.page)
        func texts(_ s: String) -> [String] { (try? doc.select(s))?.map { $0.textContent } ?? ["invalid selector"] }
        #expect(texts("h1") == ["헤드라인"])
        #expect(texts("#wrap > h1.tit") == ["헤드라인"])
        #expect(texts("div p") == ["첫 문단", "둘째 링크"])
        #expect(texts("body > p").isEmpty)
        #expect(texts("[class]").count == 4)
        #expect(texts("[class=x]") == ["둘"])
        #expect(texts("[class~=first]") == ["첫 문단"])
        #expect(texts("[class^=le]") == ["첫 문단"])
        #expect(texts("[class$=rst]") == ["첫 문단"])
        #expect(texts("[class*=ain]").count == 1)
        #expect(texts("li:first-child") == ["하나"])
        #expect(texts("li:nth-child(2)") == ["둘"])
        #expect(texts("li:nth-child(odd)") == ["하나", "셋"])
        #expect(texts("li:not(.x)") == ["하나", "셋"])
        #expect(texts("li:last-child") == ["셋"])
        #expect(texts("h1, li.x") == ["헤드라인", "둘"])
        #expect(texts("h1 + p") == ["첫 문단"])
        #expect(texts("h1 ~ p").count == 2)
        #expect(texts("P.LEAD").isEmpty, "class names are case-sensitive")
        #expect(texts("[CLASS=x i]") == ["둘"])
    }

    @Test func selectorsCompileOnceAndRunOnManyDocuments() throws {
        let selector = try CSSSelector("article > p:not(.ad)")
        let a = HTMLParser.parse("<article><p>1</p><p class=ad>x</p></article>")
        let b = HTMLParser.parse("<article><p>2</p></article><p>3</p>")
        #expect(a.select(selector).map { $0.textContent } == ["1"])
        #expect(b.select(selector).map { $0.textContent } == ["2"])
    }

    @Test(arguments: ["", "div >", "p[", "p:hover", "[a=\"x]", ", p", "p..x"])
    func invalidSelectorsThrowWithAnOffset(_ source: String) {
        let error = #expect(throws: CSSSelectorError.self) { try CSSSelector(source) }
        #expect(error?.selector == source)
        #expect(error.map { (0...source.utf8.count).contains($0.offset) } == true, "offset \(String(describing: error?.offset)) in \"\(source)\"")
    }

    @Test func treeDumpMatchesTheHTML5LibFormat() {
        let doc = HTMLParser.parse("<!DOCTYPE html><p b=2 a=1>x<!--c--><svg viewbox='0 0 1 1'><foreignobject/></svg>")
        #expect(doc.treeDump() == """
        | <!DOCTYPE html>
        | <html>
        |   <head>
        |   <body>
        |     <p>
        |       a="1"
        |       b="2"
        |       "x"
        |       <!-- c -->
        |       <svg svg>
        |         viewBox="0 0 1 1"
        |         <svg foreignObject>
        """)
    }
}

@Suite struct HTMLBadInputTests {
    @Test func anyBytesParseToADocument() {
        var seed: UInt64 = 0x9E3779B97F4A7C15
        for length in [0, 1, 7, 100, 5000] {
            var bytes: [UInt8] = []
            for _ in 0..<length {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                bytes.append(UInt8(truncatingIfNeeded: seed >> 56))
            }
            let doc = HTMLParser.parse(bytes)
            #expect(doc.documentElement?.tagName == "html")
        }
    }

    @Test func nulBytesAndTruncatedMarkupAreHandled() {
        let doc = HTMLParser.parse([0x3C, 0x70, 0x3E, 0x61, 0x00, 0x62, 0x3C, 0x64, 0x69, 0x76, 0x20, 0x63, 0x6C, 0x61, 0x73, 0x73, 0x3D, 0x22])
        #expect(doc.body?.textContent == "ab")
        #expect(HTMLParser.parse("<!-- never closed <p>x").body?.textContent == "")
        #expect(HTMLParser.parse("<script>var a = '<p>").head?.textContent == "var a = '<p>")
    }

    @Test func deepNestingIsCappedNotOverflowed() {
        let depth = 100_000
        let html = String(repeating: "<div>", count: depth) + "bottom" + String(repeating: "</div>", count: depth)
        let doc = HTMLParser.parse(html)
        #expect(doc.nodeCount > depth)
        #expect(doc.body?.textContent == "bottom")
        let bottom = doc.root.descendants.first { $0.isText }
        #expect(bottom?.data == "bottom")
        #expect((bottom?.ancestors.count ?? .max) <= HTMLTreeBuilder.maxOpenElements + 2)
    }

    @Test func anInvalidSelectorIsAnErrorNotAnEmptyMatch() {
        let doc = HTMLParser.parse("<p class=lead>x</p>")
        let error = #expect(throws: CSSSelectorError.self) { try doc.select("p[class=") }
        #expect(error?.selector == "p[class=")
        #expect(error?.offset == 8, "where it stopped: the end of the text")
        let nodeError = #expect(throws: CSSSelectorError.self) { try doc.root.select("p >") }
        #expect(nodeError?.selector == "p >")
    }

    @Test func gigantingAttributesAndManyAttributesParse() throws {
        let value = String(repeating: "가", count: 200_000)
        let attrs = (0..<3000).map { "a\($0)=\"\($0)\"" }.joined(separator: " ")
        let doc = HTMLParser.parse("<p title=\"\(value)\" \(attrs) a0=dup>x")
        let p = try doc.select("p").first
        #expect(p?.attribute("title")?.count == 200_000)
        #expect(p?.attributes.count == 3001)
        #expect(p?.attribute("a0") == "0", "a repeated attribute keeps its first value")
    }

    @Test func crLineEndingsAreNormalized() throws {
        #expect(try HTMLParser.parse("<pre>\r\na\r\nb\rc</pre>").select("pre").first?.textContent == "a\nb\nc")
    }

    @Test func nodesAreFoundByTheirIDAndNoneOutsideTheDocument() throws {
        let doc = HTMLParser.parse(HTMLDocumentTests.page)
        for node in doc.root.descendants { #expect(doc.node(id: node.id) == node) }
        #expect(doc.node(id: 0) == doc.root)
        #expect(doc.node(id: doc.nodeCount) == nil)
        #expect(doc.node(id: -1) == nil)
        // Template contents are numbered too, though they are not descendants of the document.
        let template = try #require(try doc.select("template").first?.templateContent)
        #expect(doc.node(id: template.id) == template)
    }

    @Test func traversalReadsKnownNamesAttributesAndTextInPlace() throws {
        let doc = HTMLParser.parse(HTMLDocumentTests.page)
        let wrap = try #require(try doc.select("#wrap").first)
        #expect(wrap.knownTag == .div)
        #expect(wrap.hasAttributes)
        #expect(wrap.attributeBytes(.class).map { String(decoding: $0, as: UTF8.self) } == "main article")
        #expect(wrap.attributeBytes(.href) == nil)
        let text = try #require(wrap.firstChild?.firstChild)
        #expect(text.withDataBytes { String(decoding: $0, as: UTF8.self) } == "헤드라인")
        #expect(wrap.withDataBytes { $0.count } == 0)
        let items = wrap.descendants.filter { $0.isElement(named: "li") }
        #expect(items[0].nameKey == items[1].nameKey && items[0].hasSameName(as: items[2]))
        #expect(items[0].nameKey != wrap.nameKey && !items[0].hasSameName(as: wrap))
        #expect(text.nameKey == 0)
        let svg = HTMLParser.parse("<svg><a></a></svg><a></a>")
        let anchors = svg.root.descendants.filter { $0.tagName == "a" }
        #expect(anchors.count == 2 && !anchors[0].hasSameName(as: anchors[1]) && anchors[0].knownTag == .none)
    }
}

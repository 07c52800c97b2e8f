import Foundation
import Testing
import NewsKit
@testable import NewsKitHTML
@testable import NewsKitCore

/// Blocks read from an HTML document: the unit every Korean rule works on.
@Suite struct HTMLBlocksTests {
    static func blocks(_ html: String) throws -> [Block] {
        try Document(page: Page(bytes: Array(html.utf8))).blocks
    }

    @Test func blocksSplitAtBlockElementsAndBreakRuns() throws {
        let b = try Self.blocks("<body><h2>제목</h2><div>첫 줄<br>같은 블록<br><br>새 블록</div><p>문단 <span>이어짐</span></p></body>")
        #expect(b.map(\.text) == ["제목", "첫 줄\n같은 블록", "새 블록", "문단 이어짐"])
        #expect(b.map(\.role) == [.heading(2), .paragraph, .paragraph, .paragraph])
    }

    @Test func nonContentElementsContributeNothing() throws {
        let b = try Self.blocks("""
        <body><script>var x = "스크립트";</script><style>p{}</style><template>틀</template><!-- 주석 -->
        <input type=hidden value=v><p hidden>숨김</p><p style="display: none">안보임</p><select><option>선택</select>
        <p>보임</p></body>
        """)
        #expect(b.map(\.text) == ["보임"])
    }

    @Test func whitespaceIsCollapsedAndEmptyParagraphsVanish() throws {
        let b = try Self.blocks("<p>&nbsp;</p><p>  가\u{3000}나 \n\t 다&#8203;라 </p><p> </p>")
        #expect(b.map(\.text) == ["가 나 다라"])
    }

    @Test func linkDensityCountsCharactersInLinks() throws {
        let b = try Self.blocks("<p><a href='/1'>관련기사</a> 본문본문</p><ul><li><a href='/2'>전부링크</a></li></ul>")
        #expect(b[0].linkDensity == 0.5)
        #expect(b[0].links == [Block.Link(url: "/1", text: "관련기사")])
        #expect(b[1].linkDensity == 1)
        #expect(b[1].role == .listItem)
    }

    @Test func rolesComeFromTheNearestBlockAncestor() throws {
        let b = try Self.blocks("""
        <figure><img src="/p.jpg" alt="사진"><figcaption><p>캡션 문장</p></figcaption></figure>
        <blockquote><p>인용문</p></blockquote><table><tr><td>셀</td></tr></table><pre>코드  그대로</pre>
        <div class="photo_caption">클래스 캡션</div>
        """)
        #expect(b.map(\.role) == [.image, .caption, .quote, .tableCell, .preformatted, .caption])
        #expect(b[0].image?.url == "/p.jpg")
        #expect(b[0].text == "사진")
        #expect(b[1].path.hasSuffix("figcaption>p"))
    }

    @Test func pathsNameTheElementsWithIDAndClass() throws {
        let b = try Self.blocks("<div id=main class='a b c'><p class=lead>x</p></div>")
        #expect(b[0].path == "body>div#main.a.b>p.lead")
        #expect(b[0].classes == ["lead"])
    }

    @Test func decomposedHangulIsNormalizedToNFC() throws {
        let decomposed = "\u{1100}\u{1161}\u{11A8}"   // 각 as conjoining jamo
        let b = try Self.blocks("<p>\(decomposed)</p>")
        #expect(b[0].text == "각")
        #expect(b[0].text.unicodeScalars.count == 1)
    }

    @Test func tinyAndInlineDataImagesAreSkipped() throws {
        let b = try Self.blocks("<p>x<img src='/icon.gif' width=16 height=16><img src='data:image/gif;base64,R0'><img data-src='/lazy.jpg'></p>")
        #expect(b.compactMap { $0.image?.url } == ["/lazy.jpg"])
    }
}

import Foundation
import Testing
import TestSupport
import NewsKit
@testable import NewsKitHTML
@testable import NewsKitCore
@testable import NewsKitFetching
@testable import NewsKitSQLite

@Suite struct DocumentKindTests {
    static let seedNames = ["000_902ba53e243bc19e.txt", "001_3061c23935da038f.txt", "002_6e7fa6e893070c73.txt",
                            "003_3e66ff564048943b.txt", "004_156decdd737d4216.txt"]

    @Test(.enabled(if: SharedMaterial.has("seeds"), "needs ../shared/seeds (or NEWSKIT_SHARED)"))
    func seedsAreTextCapturesExceptTheFrontMatterPost() throws {
        let dir = try #require(SharedMaterial.path("seeds"))
        for name in Self.seedNames {
            let doc = try Document(page: Page.read(path: dir.appendingPathComponent(name).path))
            #expect(doc.kind == (name.hasPrefix("004") ? .frontMatter : .textCapture), "\(name)")
        }
    }

    @Test(.enabled(if: SharedMaterial.has("corpus/korean/blog_frontmatter/DDangtoad-log_coupang-data-breach.md"), "needs ../shared/corpus (or NEWSKIT_SHARED)"))
    func corpusFrontMatterPostHasHTMLBody() throws {
        let url = try #require(SharedMaterial.path("corpus/korean/blog_frontmatter/DDangtoad-log_coupang-data-breach.md"))
        let doc = try Document(page: Page.read(path: url.path))
        #expect(doc.kind == .frontMatter)
        #expect(doc.frontMatter?.string("title") == "쿠팡 개인정보 유출 사건")
        #expect(doc.frontMatter?.string("date") == "2025-12-09")
        #expect(doc.frontMatter?.strings("tags") == ["분석", "보안 사고 사례 분석", "개인정보", "보안", "쿠팡", "해킹"])
        #expect(doc.html != nil)
        #expect(doc.blocks.contains { $0.role == .heading(3) && $0.text == "사건개요" })
    }

    @Test func htmlPagesAreRecognized() throws {
        for text in ["<!DOCTYPE html><p>x", "  <html><body>x", "<div>a</div><p>b</p><span>c</span>", "<!-- c --><p>x"] {
            #expect(try Document(page: Page(bytes: Array(text.utf8))).kind == .html, "\(text)")
        }
    }

    @Test func plainTextIsATextCapture() throws {
        let doc = try Document(page: Page(bytes: Array("제목\n\n본문 첫 줄 a < b 그리고 c > d\n".utf8)))
        #expect(doc.kind == .textCapture)
        #expect(doc.blocks.map(\.text) == ["제목", "본문 첫 줄 a < b 그리고 c > d"])
        #expect(doc.blocks.map(\.followsBlankLine) == [true, true])
    }

    @Test func emptyInputIsAClearError() {
        for bytes in [[], Array("  \n\t \n".utf8)] as [[UInt8]] {
            do { _ = try Document(page: Page(bytes: bytes, filePath: "empty.html")); Issue.record("expected an error") } catch {
                #expect(error.code == .empty)
                #expect(error.input == "empty.html")
            }
        }
    }

    @Test func binaryInputIsAClearError() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
        do { _ = try Document(page: Page(bytes: png, filePath: "photo.jpg.html")); Issue.record("expected an error") } catch {
            #expect(error.code == .binary)
            #expect(error.description.contains("photo.jpg.html"))
            #expect(error.message.contains("PNG"))
        }
        var noise: [UInt8] = []
        for i in 0..<4096 { noise.append(UInt8(truncatingIfNeeded: i &* 7919 &+ 13)) }
        let error = #expect(throws: InputError.self) { try Document(page: Page(bytes: noise)) }
        #expect(error?.code == .binary)
    }

    @Test func tooLargeInputIsRefused() {
        do {
            _ = try Document(page: Page(bytes: Array(repeating: 0x41, count: 100)), options: DocumentOptions(maximumBytes: 50))
            Issue.record("expected an error")
        } catch { #expect(error.code == .tooLarge) }
    }
}

@Suite struct FrontMatterTests {
    @Test(.enabled(if: SharedMaterial.has("seeds/004_156decdd737d4216.txt"), "needs ../shared/seeds (or NEWSKIT_SHARED)"))
    func seedFrontMatterFieldsParse() throws {
        let url = try #require(SharedMaterial.path("seeds/004_156decdd737d4216.txt"))
        let doc = try Document(page: Page.read(path: url.path))
        let fm = try #require(doc.frontMatter)
        #expect(fm.string("title") == "김정은 푸틴과의 새로운 관계 전성기. 기초 완벽 준비")
        #expect(fm.strings("categories") == ["News"])
        #expect(fm.string("image") == "/assets/img/newsdao_breakingnews.jpg")
        let excerpt = try #require(fm.string("excerpt"))
        #expect(excerpt.hasPrefix("한반도 평화와 안전을 위해 김정은"))
        #expect(excerpt.hasSuffix("(단어 수: 88, 문자 수: 553)"))
        #expect(!excerpt.contains("\n"))
    }

    @Test func yamlSubsetForms() {
        let text = """
        ---
        title: 'It''s "quoted"'   # comment
        date: 2024-06-19T09:30:00+09:00
        tags: [북한, "러시아, 모스크바", 'a']
        author:
          name: 홍길동
          email: hong@example.com
        body: |
          line one
          line two
        folded: >-
          one
          two

          three
        items:
        - a
        - b
        ---
        body
        """
        let (fm, body) = FrontMatter.split(text)!
        #expect(fm.string("title") == "It's \"quoted\"")
        #expect(fm.string("date") == "2024-06-19T09:30:00+09:00")
        #expect(fm.strings("tags") == ["북한", "러시아, 모스크바", "a"])
        if case .map(let entries)? = fm["author"] {
            #expect(entries.map(\.key) == ["name", "email"])
            #expect(entries.first?.value.string == "홍길동")
        } else { Issue.record("author should be a map") }
        #expect(fm.string("body") == "line one\nline two")
        #expect(fm.string("folded") == "one two\nthree")
        #expect(fm.strings("items") == ["a", "b"])
        #expect(body == "body")
    }

    @Test func tomlFrontMatter() {
        let (fm, _) = FrontMatter.split("+++\ntitle = \"휴고 글\"\ntags = [\"a\", \"b\"]\n+++\n본문")!
        #expect(fm.string("title") == "휴고 글")
        #expect(fm.strings("tags") == ["a", "b"])
    }

    @Test func noClosingFenceIsNotFrontMatter() {
        #expect(FrontMatter.split("---\ntitle: x\nno end") == nil)
    }

    @Test func markdownBodyBecomesBlocks() throws {
        let text = "---\ntitle: t\n---\n# 제목\n\n첫 문단\n이어짐 [링크](https://x.kr) **굵게**\n\n- 항목 하나\n- 항목 둘\n\n> 인용\n\n![사진 설명](/img/a.jpg)\n"
        let doc = try Document(page: Page(bytes: Array(text.utf8)))
        #expect(doc.kind == .frontMatter)
        #expect(doc.markdownBody != nil)
        let blocks = doc.blocks
        #expect(blocks.map(\.role) == [.heading(1), .paragraph, .listItem, .listItem, .quote, .image])
        #expect(blocks[1].text == "첫 문단 이어짐 링크 굵게")
        #expect(blocks[1].links.first?.url == "https://x.kr")
        #expect(blocks[5].image?.url == "/img/a.jpg")
    }
}

import Foundation
import Testing
import NewsKit
@testable import NewsKitCore

/// English bylines split into names and a role.
@Suite struct EnglishCreditTests {
    @Test func aWireBylineGivesTheNameAndTheRole() {
        let a = EnglishCredit.authors("By TOM KRISHER, AP Auto Writer")
        #expect(a == [Author(name: "Tom Krisher", role: "AP Auto Writer")])
    }

    @Test func twoNamesShareTheRole() {
        let a = EnglishCredit.authors("By Kim Tong-hyung and Hyung-jin Kim, Associated Press")
        #expect(a?.map(\.name) == ["Kim Tong-hyung", "Hyung-jin Kim"])
        #expect(a?.allSatisfy { $0.role == "Associated Press" } == true)
    }

    @Test func textThatIsNotACreditIsNotRead() {
        #expect(EnglishCredit.authors("홍길동 기자") == nil)
        #expect(EnglishCredit.authors("Updated 10:30 a.m. EST, May 5, 2025") == nil)
        #expect(EnglishCredit.authors("By the editorial board of the newspaper that nobody reads, Opinion") == nil)
    }

    @Test func aPagesMetaCreditBecomesAnAuthorWithARole() throws {
        let body = "North Korea is preparing to send more troops to Russia, intelligence officials said on Tuesday, citing new training."
        let html = """
            <html><head><meta property="og:type" content="article"><meta name="author" content="By TOM KRISHER, AP Auto Writer">
            <meta property="article:published_time" content="2025-05-13T06:00:00Z"></head>
            <body><h1>Title</h1><article><p>\(body)</p><p>\(body)</p></article></body></html>
            """
        let a = try GenericExtractor().extract(try Document(page: Page(bytes: Array(html.utf8), filePath: "en.html")))
        #expect(a.authors == [Author(name: "Tom Krisher", role: "AP Auto Writer")])
    }
}

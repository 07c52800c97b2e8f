import Foundation
import Testing
import TestSupport
import NewsKit
@testable import NewsKitHTML
@testable import NewsKitCore
@testable import NewsKitFetching
@testable import NewsKitSQLite

@Suite struct InputDecodingTests {
    /// 똠 and 햏 exist only in CP949's extension (not in KS X 1001): 0x8C 0x63 and 0xC1 0x64.
    static let cp949OnlySyllables: [UInt8] = [0x8C, 0x63, 0xC1, 0x64]

    @Test func cp949DecodesSyllablesThatEUCKRLacks() {
        let (utf8, bad) = CP949Decoder.decode(Self.cp949OnlySyllables + [0xB0, 0xA1])   // + 가
        #expect(String(decoding: utf8, as: UTF8.self) == "똠햏가")
        #expect(bad == 0)
    }

    @Test func foundationEUCKRFailsWhereCP949Succeeds() {
        // The reason NewsKit carries its own decoder: this is nil (or wrong) through Foundation.
        let viaFoundation = String(bytes: Self.cp949OnlySyllables, encoding: String.Encoding(rawValue: 0x80000940))
        #expect(viaFoundation != "똠햏")
    }

    @Test(arguments: ["euc-kr", "EUC-KR", "ks_c_5601-1987", "cp949", "windows-949", "korean", "x-windows-949", "ksc5601"])
    func koreanLabelsMeanCP949(label: String) {
        #expect(TextEncoding(label: label) == .cp949)
    }

    @Test func invalidCP949PairsBecomeReplacementAndKeepASCII() {
        // 0x81 0x20: bad pair with an ASCII trail: U+FFFD then the space, not both swallowed.
        let (utf8, bad) = CP949Decoder.decode([0x81, 0x20, 0x41, 0xFF])
        #expect(String(decoding: utf8, as: UTF8.self) == "\u{FFFD} A\u{FFFD}")
        #expect(bad == 2)
    }

    @Test func metaCharsetEUCKRPageDecodesAsCP949() throws {
        let html = Array("<html><head><meta charset=\"euc-kr\"></head><body>".utf8) + Self.cp949OnlySyllables + Array("</body>".utf8)
        let doc = try Document(page: Page(bytes: html, filePath: "t.html"))
        #expect(doc.encoding.encoding == .cp949)
        #expect(doc.encoding.source == .meta)
        #expect(doc.encoding.declaredLabel == "euc-kr")
        #expect(doc.html?.body?.textContent == "똠햏")
    }

    @Test func httpEquivContentTypeIsFoundByThePrescan() {
        let bytes = Array("<!-- <meta charset=utf-8> --><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ks_c_5601-1987\">".utf8)
        #expect(EncodingSniffer.prescanForMeta(bytes) == "ks_c_5601-1987")
    }

    @Test func contentWithoutHTTPEquivIsIgnored() {
        #expect(EncodingSniffer.prescanForMeta(Array("<meta content=\"text/html; charset=euc-kr\">".utf8)) == nil)
    }

    @Test func prescanStopsAfter1024Bytes() {
        let bytes = Array(String(repeating: " ", count: 1030).utf8) + Array("<meta charset=euc-kr>".utf8)
        #expect(EncodingSniffer.prescanForMeta(bytes) == nil)
    }

    @Test func transportCharsetWinsOverMeta() {
        let bytes = Array("<meta charset=utf-8><p>".utf8) + [0xB0, 0xA1]
        let (decision, _) = EncodingSniffer.sniff(bytes, contentType: "text/html; charset=EUC-KR")
        #expect(decision.encoding == .cp949)
        #expect(decision.source == .transport)
    }

    @Test func byteOrderMarkWinsOverEverything() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<meta charset=euc-kr><p>가".utf8)
        let doc = try Document(page: Page(bytes: bytes))
        #expect(doc.encoding.source == .byteOrderMark)
        #expect(doc.html?.body?.textContent == "가")
    }

    @Test func legacyLabelOnValidUTF8IsOverruled() throws {
        let bytes = Array("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=euc-kr\"/><p>코로나19 극복 성금".utf8)
        let doc = try Document(page: Page(bytes: bytes))
        #expect(doc.encoding.encoding == .utf8)
        #expect(doc.encoding.source == .override)
        #expect(doc.encoding.reason.contains("euc-kr"))
        #expect(doc.html?.body?.textContent == "코로나19 극복 성금")
    }

    @Test func asciiOnlyPageKeepsItsLegacyLabel() {
        let (decision, _) = EncodingSniffer.sniff(Array("<meta charset=euc-kr><p>hello".utf8))
        #expect(decision.encoding == .cp949)
        #expect(decision.source == .meta)
    }

    @Test(.enabled(if: SharedMaterial.has("corpus/korean/htmldate/1538026996_daejonilbo.html"), "needs ../shared/corpus (or NEWSKIT_SHARED)"))
    func daejonIlboCorpusPageLabelledEUCKRIsReadAsUTF8() throws {
        let url = try #require(SharedMaterial.path("corpus/korean/htmldate/1538026996_daejonilbo.html"))
        let doc = try Document(page: Page.read(path: url.path))
        #expect(doc.encoding.encoding == .utf8)
        #expect(doc.encoding.source == .override)
        #expect(doc.html?.title?.contains("코로나19 극복 성금") == true)
    }

    @Test func undeclaredCP949BytesAreSniffed() {
        let (utf8, _) = CP949Decoder.decode([0xB1, 0xE8, 0xC1, 0xA4, 0xC0, 0xBA])   // 김정은
        #expect(String(decoding: utf8, as: UTF8.self) == "김정은")
        let (decision, _) = EncodingSniffer.sniff(Array("<p>".utf8) + [0xB1, 0xE8, 0xC1, 0xA4, 0xC0, 0xBA])
        #expect(decision.encoding == .cp949)
        #expect(decision.source == .sniffed)
    }

    @Test func declaredUTF8OnCP949BytesIsOverruled() {
        let bytes = Array("<meta charset=utf-8><p>".utf8) + [0xB1, 0xE8, 0xC1, 0xA4, 0xC0, 0xBA, 0x20, 0xB1, 0xE8, 0xC1, 0xA4, 0xC0, 0xBA]
        let (decision, _) = EncodingSniffer.sniff(bytes)
        #expect(decision.encoding == .cp949)
        #expect(decision.source == .override)
    }

    @Test func invalidUTF8BecomesReplacementCharacters() {
        // Overlong, surrogate, truncated: each maximal bad subpart is one U+FFFD.
        let repaired = UTF8Repair.repaired([0x61, 0xC0, 0xAF, 0x62, 0xED, 0xA0, 0x80, 0x63, 0xE2, 0x82])
        #expect(String(decoding: repaired, as: UTF8.self) == "a\u{FFFD}\u{FFFD}b\u{FFFD}\u{FFFD}\u{FFFD}c\u{FFFD}")
        #expect(UTF8Repair.isValid(Array("김정은 abc".utf8)))
    }

    @Test func utf16WithByteOrderMarkDecodes() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for u in "<p>북한</p>".utf16 { bytes.append(UInt8(u & 0xFF)); bytes.append(UInt8(u >> 8)) }
        let doc = try Document(page: Page(bytes: bytes))
        #expect(doc.encoding.encoding == .utf16LE)
        #expect(doc.html?.body?.textContent == "북한")
    }

    @Test func windows1252MapsTheC1Range() {
        let (utf8, _) = TextDecoder.decode([0x93, 0x41, 0x94, 0xE9], as: .windows1252)
        #expect(String(decoding: utf8, as: UTF8.self) == "\u{201C}A\u{201D}é")
    }
}

@Suite struct PageTests {
    @Test func readingAMissingFileNamesIt() {
        let error = #expect(throws: InputError.self) { try Page.read(path: "/nonexistent/page.html") }
        #expect(error?.code == .notFound)
        do { _ = try Page.read(path: "/nonexistent/page.html") } catch {
            #expect(error.code == .notFound)
            #expect(error.description.contains("/nonexistent/page.html"))
        }
    }

    @Test func readingADirectoryIsRefused() {
        do { _ = try Page.read(path: NSTemporaryDirectory()); Issue.record("expected an error") } catch {
            #expect(error.code == .unreadable)
        }
    }

    @Test func oversizedFilesAreRefusedBeforeReading() throws {
        let path = NSTemporaryDirectory() + "newskit-big-\(UUID().uuidString).html"
        try Data(repeating: 0x41, count: 2048).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        do { _ = try Page.read(path: path, maximumBytes: 1024); Issue.record("expected an error") } catch {
            #expect(error.code == .tooLarge)
            #expect(error.input == path)
        }
        let page = try Page.read(path: path, maximumBytes: 4096)
        #expect(page.bytes.count == 2048)
        #expect(page.filePath == path)
        #expect(page.fetchedAt != nil)
    }

    @Test func headersAreCaseInsensitive() {
        let page = Page(bytes: [], requestedURL: URL(string: "https://www.yna.co.kr/view/AKR1"),
                        headers: [HTTPHeader(name: "Content-Type", value: "text/html; charset=utf-8")])
        #expect(page.header("content-type") == "text/html; charset=utf-8")
        #expect(page.finalURL == page.requestedURL)
        #expect(page.name == "https://www.yna.co.kr/view/AKR1")
    }
}

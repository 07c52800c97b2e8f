// libFuzzer target `charset`: encoding sniffing (`EncodingSniffer`), every decoder
// (`TextDecoder` for each `TextEncoding`), UTF-8 repair, and `Document(page:)` with a
// Content-Type header.
//
// Input layout. Byte 0 chooses the Content-Type header (0: none, 255: the next length-prefixed
// bytes, raw; else one of `contentTypes`). Byte 1: bits 0-1 a BOM to put first (none, UTF-8,
// UTF-16LE, UTF-16BE), bits 2-3 a <meta> declaration (none, `<meta charset>`, http-equiv, or one
// past the 1024-byte prescan window), bit 4 sniffs as not-HTML, bits 5-6 re-encode the body as
// UTF-16LE/BE or CP949-like bytes; with a meta, byte 2 chooses its label. The rest is the body.
// Checks: every decoder's output is valid UTF-8; UTF8Repair agrees with the standard library's
// validation and repair; UTF-16 decoding agrees with the standard library; a BOM is honoured.
// Built by scripts/fuzz.sh charset; see docs/fuzzing.md.

import Foundation
@testable import NewsKitHTML
@testable import NewsKitCore
@testable import NewsKitFetching

enum CharsetProgram {
    static let contentTypes = [
        "", "text/html; charset=utf-8", "text/html; charset=euc-kr", "text/html;charset=EUC-KR", "text/html; charset=\"ks_c_5601-1987\"",
        "text/html; charset='cp949'", "text/html; charset=x-windows-949", "text/html; charset=iso-8859-1", "text/html; charset=utf-16",
        "text/html; charset=utf-16be", "text/html; charset=shift_jis", "text/html; charset=euc-jp", "text/html; charset=iso-2022-jp",
        "text/html; charset=windows-1251", "text/html; charset=windows-1250", "text/html; charset=latin2", "text/html; charset=bogus",
        "text/html; charset=", "text/html; charset", "text/html; charset=\"utf-8", "text/html; CHARSET = utf-8 ; x=y",
        "text/plain", "application/xhtml+xml; charset=utf-8", "text/html; charset=unicode-1-1-utf-8", "charset=euc-kr",
        "text/html; foo=\"charset=euc-kr\"; charset=utf-8", "text/html; charset=utf8;charset=euc-kr",
    ]
    static let labels = [
        "utf-8", "euc-kr", "EUC-KR", "ks_c_5601-1987", "cp949", "windows-949", "x-euc-kr", "utf-16", "utf-16le", "utf-16be",
        "iso-8859-1", "us-ascii", "shift_jis", "euc-jp", "iso-2022-jp", "windows-1251", "windows-1250", "iso-8859-2",
        "x-user-defined", "bogus", "", " utf-8 ", "\"utf-8\"", "utf-8\"", "korean", "ksc5601",
    ]
    static let korean = Array("<p>(서울=연합뉴스) 홍길동 기자 = 본문 기사입니다.</p>".utf8)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCharset(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var input = FuzzInput(Array(UnsafeBufferPointer(start: data, count: size)))
    let ctChoice = input.byte()
    let contentType: String? = ctChoice == 0 ? nil
        : ctChoice == 255 ? String(decoding: input.chunk(maxLength: 80), as: UTF8.self)
        : CharsetProgram.contentTypes[Int(ctChoice) % CharsetProgram.contentTypes.count]
    let flags = input.byte()
    var meta: [UInt8] = []
    if (flags >> 2) & 3 != 0 {
        let labelChoice = input.byte()
        let label = labelChoice == 255 ? String(decoding: input.chunk(maxLength: 24), as: UTF8.self)
            : CharsetProgram.labels[Int(labelChoice) % CharsetProgram.labels.count]
        switch (flags >> 2) & 3 {
        case 1: meta = Array("<meta charset=\"\(label)\">".utf8)
        case 2: meta = Array("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=\(label)\">".utf8)
        default: meta = Array("<html><head><title>x</title>".utf8) + [UInt8](repeating: 0x20, count: 1000) + Array("<meta charset=\(label)>".utf8)
        }
    }
    var body = input.rest()
    if body.isEmpty { body = CharsetProgram.korean }
    switch (flags >> 5) & 3 {
    case 1:   // UTF-16LE of the body read as UTF-8
        body = Array(String(decoding: body, as: UTF8.self).utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    case 2:
        body = Array(String(decoding: body, as: UTF8.self).utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    case 3:   // high bytes paired as CP949 would pair them (lead 0x81-0xFE, trail 0x41-0xFE)
        body = body.enumerated().map { i, b in b < 0x80 ? b : i & 1 == 0 ? 0x81 + b % 0x7E : 0x41 + b % 0xBE }
    default: break
    }
    let bom: [UInt8] = [[], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF]][Int(flags & 3)]
    let bytes = bom + meta + body
    let isHTML = flags & 16 == 0
    FuzzDebug.dump(bytes)
    if FuzzDebug.dumpPath != nil { fputs("Content-Type: \(contentType ?? "(none)"), isHTML: \(isHTML)\n", stderr) }

    // Sniffing.
    let (decision, bomLength) = EncodingSniffer.sniff(bytes, contentType: contentType, isHTML: isHTML)
    require(bomLength >= 0 && bomLength <= bytes.count && [0, 2, 3].contains(bomLength), "bomLength \(bomLength)")
    require((decision.source == .byteOrderMark) == (bomLength > 0), "BOM source \(decision.source) with bomLength \(bomLength)")
    if !bom.isEmpty {
        require(bomLength == bom.count, "BOM of \(bom.count) bytes read as \(bomLength)")
        require(decision.encoding == [TextEncoding.utf8, .utf16LE, .utf16BE][Int(flags & 3) - 1], "BOM gave \(decision.encoding)")
    }
    if decision.source == .meta { require(decision.encoding != .utf16LE && decision.encoding != .utf16BE, "meta chose UTF-16") }
    if let label = EncodingSniffer.prescanForMeta(bytes) { require(TextEncoding(label: label) != nil, "prescan returned unknown label \(label)") }
    if let ct = contentType { _ = EncodingSniffer.charsetParameter(Array(ct.utf8)).flatMap { TextEncoding(label: $0) } }

    // Every decoder gives valid UTF-8.
    let payload = Array(bytes[bomLength...])
    for encoding in TextEncoding.allCases {
        let (utf8, replacements) = TextDecoder.decode(payload, as: encoding)
        FuzzCheck.validUTF8(utf8, "TextDecoder.decode(as: \(encoding))")
        require(replacements >= 0, "\(encoding): \(replacements) replacements")
    }

    // UTF-8 validation and repair agree with the standard library.
    let valid = UTF8Repair.isValid(payload)
    require(valid == (String(validating: payload, as: UTF8.self) != nil), "UTF8Repair.isValid disagrees with the standard library")
    let repaired = UTF8Repair.repaired(payload)
    require(repaired == Array(String(decoding: payload, as: UTF8.self).utf8), "UTF8Repair.repaired differs from String(decoding:)")
    if valid {
        let (same, n) = TextDecoder.decode(payload, as: .utf8)
        require(same == payload && n == 0, "decoding valid UTF-8 changed it")
    }
    // UTF-16 agrees with the standard library (even lengths; a lone last byte is the decoder's call).
    if payload.count % 2 == 0 && payload.count <= 1 << 16 {
        let le = stride(from: 0, to: payload.count, by: 2).map { UInt16(payload[$0]) | UInt16(payload[$0 + 1]) << 8 }
        require(TextDecoder.decode(payload, as: .utf16LE).utf8 == Array(String(decoding: le, as: UTF16.self).utf8), "UTF-16LE differs from the standard library")
        let be = le.map { $0.byteSwapped }
        require(TextDecoder.decode(payload, as: .utf16BE).utf8 == Array(String(decoding: be, as: UTF16.self).utf8), "UTF-16BE differs from the standard library")
    }

    // The document pipeline with the header, and HTMLParser.parse(page:) on the same page.
    let headers = contentType.map { [HTTPHeader(name: "Content-Type", value: $0)] } ?? []
    let page = Page(bytes: bytes, requestedURL: URL(string: "https://news.example.com/a/1"), headers: headers)
    let (parsed, parsedDecision) = HTMLParser.parse(page: page)
    FuzzCheck.treeIsSound(parsed)
    require(parsedDecision.encoding == EncodingSniffer.sniff(bytes, contentType: contentType).0.encoding, "parse(page:) decided otherwise")
    if let document = try? Document(page: page) {
        FuzzCheck.validUTF8(document.utf8, "Document's decoded text (\(document.encoding))")
        require(document.encoding.encoding == parsedDecision.encoding, "Document and parse(page:) decode differently")
        _ = document.blocks.count
    }
    return 0
}

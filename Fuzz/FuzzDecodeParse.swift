// libFuzzer entry point: decoding, kind recognition, HTML parsing, blocks and selectors on
// arbitrary bytes, raw (no structure: the `html` and `charset` targets generate structure).
// Built by scripts/fuzz.sh decode; see docs/fuzzing.md.

@testable import NewsKitHTML
@testable import NewsKitCore
@testable import NewsKitFetching

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecodeParse(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // The raw parser takes any bytes.
    let raw = HTMLParser.parse(bytes)
    _ = raw.treeDump()
    _ = raw.select("div > p.lead:not(.x), a[href^=http]")
    // The document pipeline: sniff, decode, recognize, read blocks.
    if let document = try? Document(page: Page(bytes: bytes, filePath: "fuzz")) {
        _ = document.blocks
    }
    // Every non-UTF-8 decoder on the same bytes.
    for encoding in [TextEncoding.cp949, .utf16LE, .utf16BE, .windows1252] {
        let decoded = TextDecoder.decode(bytes, as: encoding).utf8
        require(UTF8Repair.isValid(decoded), "decoder \(encoding) produced invalid UTF-8")
    }
    // Fragment parsing in a few contexts.
    let text = String(decoding: bytes, as: UTF8.self)
    for context in ["td", "select", "svg"] {
        _ = HTMLParser.parseFragment(text, context: context, namespace: context == "svg" ? .svg : .html).treeDump()
    }
    return 0
}

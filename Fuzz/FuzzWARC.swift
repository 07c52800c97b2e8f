// libFuzzer target `warc`: the WARC reader (`WARCReader`, its chunked-body and gzip decoding)
// and the pages it makes.
//
// WARCReader reads files, so each input is written to one temporary file per process
// (/tmp/newskit-fuzz-warc-<pid>.warc) and removed after the run.
//
// Input layout. First byte even: the rest is the file, raw. Odd: the rest is a program of records
// (see `WARCProgram`): version line, WARC headers, a Content-Length that is right, off by some
// bytes, negative, junk or huge, an HTTP block with chunked and/or gzip/deflate bodies (made with
// the library's own Gzip), records cut short, and bit 1 of the first byte writes one gzip member
// per record as `.warc.gz` files do (bit 2 then cuts the file short).
// Built by scripts/fuzz.sh warc; see docs/fuzzing.md.

import Foundation
@testable import NewsKitHTML
@testable import NewsKitCore
@testable import NewsKitFetching

enum WARCProgram {
    static let versions = ["WARC/1.1", "WARC/1.0", "WARC/", "WARC/9.9", "warc/1.1", "WARC/1.1 ", "WARC/1.1\r"]
    static let types = ["response", "response", "request", "warcinfo", "metadata", "resource", "revisit", "RESPONSE", ""]
    static let uris = ["https://news.example.com/article/1", "http://e.x/", "https://e.x/robots.txt", "ftp://e.x/a",
                       "", "http://[::1", "https://e.x/a b", "<https://e.x/bracketed>", "https://기사.example/경로"]
    static let dates = ["2024-05-01T09:00:00Z", "2024-05-01T09:00:00.123456Z", "2024-05-01", "garbage", "9999-12-31T23:59:59Z", ""]
    static let statusLines = ["HTTP/1.1 200 OK", "HTTP/1.1 404 Not Found", "HTTP/1.0 301", "HTTP/2 200", "HTTP/1.1",
                              "HTTP/1.1 abc", "HTTP/1.1 99999999999999999999 X", "", "200"]
    static let httpHeaders = ["Content-Type: text/html; charset=utf-8", "Content-Type: text/html; charset=euc-kr",
                              "Content-Type: application/rss+xml", "Content-Type: text/plain", "Transfer-Encoding: chunked",
                              "Transfer-Encoding: gzip, chunked", "Content-Encoding: gzip", "Content-Encoding: deflate",
                              "Content-Encoding: br", "Content-Encoding: identity", "Content-Encoding: x-gzip",
                              "Content-Length: 5", "Content-Length: -1", "Location: /next", "X: y", "NoColon", ": empty"]
    static let bodies = ["<html><head><title>제목</title></head><body><p>본문입니다.</p></body></html>", "", "x",
                         "<p>(서울=연합뉴스) 홍길동 기자 = 본문</p>", "User-agent: *\nDisallow: /", "<rss><channel><item><link>https://e.x/1</link></item></channel></rss>"]
    static let chunkSizes = ["0", "1", "5", "a", "A", "10", "ffffffff", "7fffffffffffffff", "8000000000000000",
                             "ffffffffffffffffff", "-1", "", " 3 ", "3;ext=1", "0x5", "g"]

    static func body(_ input: inout FuzzInput) -> [UInt8] {
        var b: [UInt8] = input.bool() ? Array(input.pick(bodies).utf8) : input.chunk(maxLength: 128)
        if input.int(6) == 0 {
            var out = FuzzOutput(limit: 1 << 20)
            out.append(b, times: input.repeatCount())
            b = out.bytes
        }
        return b
    }

    /// `body` in chunks: sizes right or chosen from the dictionary, CRLFs present or not.
    static func chunked(_ body: [UInt8], _ input: inout FuzzInput) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < body.count {
            let n = min(body.count - i, 1 + input.int(64))
            let size = input.int(4) == 0 ? input.pick(chunkSizes) : String(n, radix: 16)
            out += Array("\(size)\r\n".utf8) + body[i..<(i + n)] + (input.int(8) == 0 ? [] : [13, 10])
            i += n
        }
        if input.int(4) != 0 { out += Array("0\r\n\r\n".utf8) }
        return out
    }

    static func record(_ input: inout FuzzInput) -> [UInt8] {
        var http: [UInt8] = []
        var body = body(&input)
        let form = input.byte()
        if form & 1 == 1 { body = Gzip.compress(body) }
        if form & 2 == 2, body.count > 1 { body = Array(body.prefix(Int(form) % body.count)) }   // corrupt or cut
        if form & 4 == 4 { body = chunked(body, &input) }
        http += Array("\(input.pick(statusLines))\r\n".utf8)
        if form & 1 == 1 { http += Array("Content-Encoding: \(input.pick(["gzip", "deflate", "x-gzip", "GZIP"]))\r\n".utf8) }
        if form & 4 == 4 { http += Array("Transfer-Encoding: chunked\r\n".utf8) }
        for _ in 0..<input.int(4) { http += Array("\(input.pick(httpHeaders))\r\n".utf8) }
        if form & 8 == 0 { http += [13, 10] }   // else: no end of the header block
        http += body
        var head = "\(input.pick(versions))\r\nWARC-Type: \(input.pick(types))\r\n"
        head += "WARC-Target-URI: \(input.pick(uris))\r\nWARC-Date: \(input.pick(dates))\r\n"
        head += "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000000>\r\n"
        if input.bool() { head += "Content-Type: application/http;msgtype=response\r\n" }
        if input.int(4) == 0 { head += "NewsKit-Requested-URI: \(input.pick(uris))\r\n" }
        let length: String?
        switch input.int(8) {
        case 0: length = String(http.count + input.int(16))
        case 1: length = String(max(0, http.count - input.int(16)))
        case 2: length = input.pick(["-1", "", "abc", "9223372036854775807", "9223372036854775808", "99999999999999999999",
                                     " 5", "5 ", "0x10", "+5", "1e3"])
        case 3: length = nil   // no Content-Length at all
        default: length = String(http.count)
        }
        if let length { head += "Content-Length: \(length)\r\n" }
        var record = Array(head.utf8) + [13, 10] + http
        if input.int(8) != 0 { record += [13, 10, 13, 10] }
        if input.int(16) == 0 { record = Array(record.prefix(input.u16() % (record.count + 1))) }   // truncated
        return record
    }

    static func run(_ input: inout FuzzInput, gzipMembers: Bool) -> [UInt8] {
        var file: [UInt8] = []
        while !input.isExhausted && file.count < (8 << 20) {
            switch input.byte() % 16 {
            case 0: file += input.chunk(maxLength: 32)   // junk between records (reading stops there)
            case 1: file += [13, 10]
            default:
                let r = record(&input)
                file += gzipMembers ? Gzip.compress(r) : r
            }
        }
        return file
    }
}

let warcPath = "/tmp/newskit-fuzz-warc-\(getpid()).warc"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWARC(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var input = FuzzInput(Array(UnsafeBufferPointer(start: data, count: size)))
    let flags = input.byte()
    var file = flags & 1 == 0 ? input.rest() : WARCProgram.run(&input, gzipMembers: flags & 2 == 2)
    if flags & 1 == 1, flags & 6 == 6, file.count > 1 { file = Array(file.prefix(Int(flags) * 131 % file.count)) }

    FuzzDebug.dump(file)

    // The helpers on their own.
    _ = WARCReader.dechunk(file)
    if let inflated = Gzip.decompress(file, limit: 16 << 20) { require(inflated.count <= 16 << 20, "Gzip limit ignored") }

    guard FileManager.default.createFile(atPath: warcPath, contents: Data(file)) else { fatalError("cannot write \(warcPath)") }
    defer { unlink(warcPath) }
    guard let reader = try? WARCReader(path: warcPath) else { return 0 }
    var results = 0, pages = 0
    while let result = reader.next() {
        results += 1
        require(results <= file.count + 1, "more results than bytes")
        guard case .success(let page) = result else {
            // A file that is not WARC (or holds junk between records) gives one notAnArchive
            // failure, and reading stops there.
            if case .failure(let error) = result, error.code == .notAnArchive {
                if let more = reader.next() { require(false, "reading went on after notAnArchive (\(error)): \(more)") }
                break
            }
            continue
        }
        pages += 1
        _ = page.isHTMLResponse
        _ = (page.isDocumentResponse, page.mediaType)
        if page.bytes.count <= 1 << 16, let document = try? Document(page: page) {
            _ = document.blocks.count
            _ = document.metadata
        }
    }
    require(reader.recordsRead >= pages, "recordsRead \(reader.recordsRead) < \(pages) pages")
    return 0
}

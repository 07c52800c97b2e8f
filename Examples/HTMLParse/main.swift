// Parses pages with the HTML module alone: no Foundation, no core, no libcurl, no SQLite, so the
// program loads nothing but the C library (and, when not built with --static-swift-stdlib, the
// Swift runtime). Prints one JSON line per page, as `newskit-demo dom --stats` does: its path,
// its bytes and the nodes the parser made.
// scripts/bench-parse.sh times it beside lexbor.
//   swift run -c release HTMLParseExample PAGE.html...
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NewsKitHTML

/// The whole file, or nil (with errno set) when it cannot be read.
func readFile(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { errno = EISDIR; return nil }
    let size = Int(info.st_size)
    // Read straight into the array's storage: no zeroing pass first.
    return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
        count = 0
        while count < size {
            let n = read(fd, buffer.baseAddress! + count, size - count)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            count += n
        }
    }
}

/// Writes all of `text` to a file descriptor (1 standard output, 2 standard error).
func write(_ text: String, to fd: Int32) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if n < 0 && errno == EINTR { continue }
        guard n > 0 else { return }
        bytes = bytes.dropFirst(n)
    }
}

/// `text` as a JSON string literal.
func jsonString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case _ where scalar.value < 0x20:
            let hex = String(scalar.value, radix: 16)
            out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

var failures: Int32 = 0
var out = ""
for path in CommandLine.arguments.dropFirst() {
    guard let bytes = readFile(path) else {
        let reason = String(cString: strerror(errno))
        write("HTMLParseExample: \(path): \(reason)\n", to: 2)
        failures += 1
        continue
    }
    let document = HTMLParser.parse(bytes)
    out += "{\"bytes\":\(bytes.count),\"nodes\":\(document.nodeCount),\"path\":\(jsonString(path))}\n"
    if out.utf8.count > 1 << 16 { write(out, to: 1); out = "" }
}
write(out, to: 1)
exit(failures == 0 ? 0 : 1)

// Shared by every fuzz target (compiled into each binary beside its one harness; it holds no
// entry point). A FuzzInput reads the fuzzer's bytes as a small program: each call takes the
// next byte(s) as a choice, and an exhausted input reads as zeros, so every byte string is a
// valid program and libFuzzer's mutations (insert, erase, splice) stay meaningful.

import Foundation
@testable import NewsKitHTML
@testable import NewsKitCore
@testable import NewsKitFetching

struct FuzzInput {
    let bytes: [UInt8]
    private(set) var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isExhausted: Bool { position >= bytes.count }
    var remaining: Int { max(0, bytes.count - position) }

    /// The next byte, or 0 past the end.
    mutating func byte() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    /// 0 ..< bound.
    mutating func int(_ bound: Int) -> Int { bound <= 1 ? 0 : Int(byte()) % bound }

    /// Little-endian 16 bits.
    mutating func u16() -> Int { Int(byte()) | Int(byte()) << 8 }

    mutating func bool() -> Bool { byte() & 1 == 1 }

    mutating func pick<T>(_ options: [T]) -> T { options[int(options.count)] }

    /// A repeat count from one byte: 0…127 as is, 128…191 in steps of 16 (128…1,136: the
    /// parser's limits near 512 live here), 192…255 in steps of 1,800 (up to 115,200), so deep
    /// nesting is reachable from a tiny input.
    mutating func repeatCount() -> Int {
        let b = Int(byte())
        if b < 128 { return b }
        if b < 192 { return 128 + (b - 128) * 16 }
        return (b - 191) * 1800
    }

    /// A length byte, then that many raw bytes (fewer at the end of the input).
    mutating func chunk(maxLength: Int = 255) -> [UInt8] {
        let n = min(int(maxLength + 1), remaining)
        defer { position += n }
        return Array(bytes[position..<(position + n)])
    }

    /// Everything not read yet.
    mutating func rest() -> [UInt8] {
        defer { position = bytes.count }
        return position < bytes.count ? Array(bytes[position...]) : []
    }

    /// The bytes a target reads: what a structure-aware `program` writes from the rest of the
    /// input (at most `limit` bytes), or the rest of the input as it is.
    mutating func document(generated: Bool, limit: Int = 1 << 20, _ program: (inout FuzzInput, inout FuzzOutput) -> Void) -> [UInt8] {
        guard generated else { return rest() }
        var out = FuzzOutput(limit: limit)
        program(&self, &out)
        return out.bytes
    }
}

/// Output with a size cap, so a generator cannot build more than a target means to test
/// (a slow case should be slow per input byte, not because the generator wrote gigabytes).
struct FuzzOutput {
    private(set) var bytes: [UInt8] = []
    let limit: Int
    init(limit: Int) { self.limit = limit }
    var isFull: Bool { bytes.count >= limit }
    mutating func append(_ s: String) { append(Array(s.utf8)) }
    mutating func append(_ b: [UInt8]) {
        guard !isFull else { return }
        bytes.append(contentsOf: b.prefix(limit - bytes.count))
    }
    /// `piece` `count` times (stops at the cap).
    mutating func append(_ piece: [UInt8], times count: Int) {
        guard !piece.isEmpty else { return }
        let n = min(count, (limit - bytes.count) / piece.count)
        guard n > 0 else { return }
        bytes.reserveCapacity(bytes.count + n * piece.count)
        for _ in 0..<n { bytes.append(contentsOf: piece) }
    }
}

/// `precondition` whose message survives -O (an optimized build drops precondition messages):
/// the crash report says which invariant broke.
@inline(__always)
func require(_ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line) {
    if !condition { fatalError("invariant: " + message(), file: file, line: line) }
}

enum FuzzCheck {
    /// The tree links of a parsed HTML document are consistent: every child's parent is the node
    /// whose child list holds it, prev/next agree, lastChild is the end of the list, and a walk
    /// from the root (and from every template's content) visits each node at most once, so the
    /// tree has no cycle and no node is shared by two parents.
    static func treeIsSound(_ document: HTMLDocument) {
        let nodes = document.store.nodes
        let count = nodes.count
        var seen = [Bool](repeating: false, count: count)
        var roots: [Int32] = [0]
        roots.append(contentsOf: document.store.templateContents.values)
        if document.fragmentRootIndex >= 0 { roots.append(document.fragmentRootIndex) }
        for root in roots {
            require(root >= 0 && Int(root) < count, "tree root \(root) out of range")
            if seen[Int(root)] { continue }   // a fragment root is inside the document already
            seen[Int(root)] = true
            var stack: [Int32] = [root]
            while let n = stack.popLast() {
                let record = nodes[Int(n)]
                var child = record.firstChild
                var previous: Int32 = -1
                var steps = 0
                while child >= 0 {
                    require(Int(child) < count, "child index \(child) out of range")
                    let c = nodes[Int(child)]
                    require(c.parent == n, "node \(child) is in the child list of \(n) but its parent is \(c.parent)")
                    require(c.prev == previous, "node \(child): prev is \(c.prev), expected \(previous)")
                    require(!seen[Int(child)], "node \(child) reached twice: the tree has a cycle or a shared node")
                    seen[Int(child)] = true
                    stack.append(child)
                    previous = child
                    child = c.next
                    steps += 1
                    require(steps <= count, "child list of \(n) does not end")
                }
                require(record.lastChild == previous, "node \(n): lastChild is \(record.lastChild), expected \(previous)")
            }
        }
    }

    static func validUTF8(_ bytes: [UInt8], _ what: @autoclosure () -> String) {
        require(UTF8Repair.isValid(bytes), "\(what()) is not valid UTF-8")
    }
}

/// Debugging aids for reproducing a finding (read once per process):
/// - `NEWSKIT_FUZZ_DUMP=path`: write the document a structured input generated (the page, the
///   feed, the robots.txt, the WARC file) to `path`, to keep as a test fixture;
/// - `NEWSKIT_FUZZ_TIMING=1`: print how long each phase of the harness took (to find which
///   part of a `timeout-*` input is slow).
enum FuzzDebug {
    static let dumpPath: String? = getenv("NEWSKIT_FUZZ_DUMP").map { String(cString: $0) }
    static let timing = getenv("NEWSKIT_FUZZ_TIMING") != nil

    static func dump(_ bytes: [UInt8]) {
        guard let dumpPath else { return }
        _ = FileManager.default.createFile(atPath: dumpPath, contents: Data(bytes))
        fputs("wrote \(bytes.count) bytes to \(dumpPath)\n", stderr)
    }

    /// Runs `body`, printing its duration under NEWSKIT_FUZZ_TIMING.
    @inline(__always)
    static func phase<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        guard timing else { return try body() }
        let start = DispatchTime.now().uptimeNanoseconds
        defer { fputs("\(name): \((DispatchTime.now().uptimeNanoseconds - start) / 1_000_000) ms\n", stderr) }
        return try body()
    }
}

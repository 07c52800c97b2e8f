import Foundation
import NewsKitCore
internal import CZlib

/// Reads a file in chunks, inflating gzip (any number of concatenated members) on the fly, so a
/// multi-gigabyte `.warc.gz` is never held in memory whole.
final class ByteStream {
    private let fd: Int32
    private let gzip: Bool
    /// zlib keeps the stream's address in its state, so the stream lives at a fixed address.
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private var inflating = false
    private static let inputSize = 256 * 1024
    /// zlib keeps a pointer into the input between calls, so it lives at a fixed address.
    private let input = UnsafeMutablePointer<UInt8>.allocate(capacity: ByteStream.inputSize)
    private var inputEnd = false
    /// Decoded bytes not yet consumed.
    private var buffer: [UInt8] = []
    private var position = 0
    private(set) var failure: String?

    init(path: String) throws(FetchError) {
        fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw FetchError(.transport, url: path, curlMessage: "cannot open: \(String(cString: strerror(errno)))") }
        stream.initialize(to: z_stream())
        var magic: [UInt8] = [0, 0]
        let n = pread(fd, &magic, 2, 0)
        gzip = n == 2 && magic[0] == 0x1F && magic[1] == 0x8B
        if gzip {
            guard nk_inflate_init2(stream, 15 + 16) == Z_OK else { throw FetchError(.transport, url: path, curlMessage: "zlib init failed") }
            inflating = true
        }
    }

    deinit {
        if inflating { inflateEnd(stream) }
        stream.deallocate()
        input.deallocate()
        close(fd)
    }

    /// Makes at least `count` bytes available, if the file has them. Returns false at the end.
    private func fill(_ count: Int) -> Bool {
        while buffer.count - position < count {
            if position > 0 && position > buffer.count / 2 {
                buffer.removeFirst(position)
                position = 0
            }
            guard let chunk = nextChunk(), !chunk.isEmpty else { return false }
            buffer.append(contentsOf: chunk)
        }
        return true
    }

    private func nextChunk() -> [UInt8]? {
        if !gzip {
            let n = Foundation.read(fd, input, ByteStream.inputSize)
            return n > 0 ? Array(UnsafeBufferPointer(start: input, count: n)) : nil
        }
        var out = [UInt8](repeating: 0, count: 256 * 1024)
        while true {
            if stream.pointee.avail_in == 0 {
                if inputEnd { return nil }
                let n = Foundation.read(fd, input, ByteStream.inputSize)
                if n <= 0 { inputEnd = true; return nil }
                stream.pointee.next_in = input
                stream.pointee.avail_in = UInt32(n)
            }
            var status: Int32 = Z_OK
            let produced: Int = out.withUnsafeMutableBufferPointer { o in
                stream.pointee.next_out = o.baseAddress
                stream.pointee.avail_out = UInt32(o.count)
                status = inflate(stream, Z_NO_FLUSH)
                return o.count - Int(stream.pointee.avail_out)
            }
            if status == Z_STREAM_END {
                // The next gzip member (one per WARC record) starts right after.
                let next = stream.pointee.next_in, left = stream.pointee.avail_in
                inflateReset(stream)
                stream.pointee.next_in = next
                stream.pointee.avail_in = left
            } else if status != Z_OK && status != Z_BUF_ERROR {
                failure = "corrupt gzip data (zlib status \(status))"
                inputEnd = true
                stream.pointee.avail_in = 0
                return produced > 0 ? Array(out[0..<produced]) : nil
            }
            if produced > 0 { return Array(out[0..<produced]) }
            if status == Z_BUF_ERROR && stream.pointee.avail_in == 0 && inputEnd { return nil }
        }
    }

    /// A line without its CR LF, or nil at the end. A line longer than `limit` bytes is cut
    /// there (the rest stays unread), so a file without line breaks is never buffered whole.
    func readLine(limit: Int = .max) -> [UInt8]? {
        // How far past `position` has been searched; `fill` may move the bytes, not the offset.
        var searched = 0
        while true {
            if searched >= limit {
                let line = Array(buffer[position..<(position + limit)])
                position += limit
                return line
            }
            if let nl = buffer[(position + searched)...].firstIndex(of: 0x0A) {
                var end = nl
                if end > position && buffer[end - 1] == 0x0D { end -= 1 }
                let line = Array(buffer[position..<end])
                position = nl + 1
                return line
            }
            searched = buffer.count - position
            if !fill(searched + 1) {
                if position < buffer.count { let rest = Array(buffer[position...]); position = buffer.count; return rest }
                return nil
            }
        }
    }

    /// Skips `count` bytes (or to the end of the file) without keeping them; returns how many.
    func skip(_ count: Int) -> Int {
        var left = count
        while left > 0 {
            let chunk = read(min(left, 1 << 20))
            if chunk.isEmpty { break }
            left -= chunk.count
        }
        return count - left
    }

    /// Exactly `count` bytes, or fewer at the end of the file.
    func read(_ count: Int) -> [UInt8] {
        _ = fill(count)
        let n = min(count, buffer.count - position)
        let out = Array(buffer[position..<(position + n)])
        position += n
        return out
    }
}

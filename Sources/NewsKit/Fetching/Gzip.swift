import NewsKitCore
internal import CZlib

/// gzip through zlib: WARC records are gzip members, and servers send gzip bodies.
package enum Gzip {
    /// Whether the bytes start with the gzip magic number.
    package static func isGzip(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.count >= 2 && bytes[bytes.startIndex] == 0x1F && bytes[bytes.startIndex + 1] == 0x8B
    }

    /// Inflates gzip (several concatenated members included), zlib or raw deflate data.
    /// - Parameter limit: give up (nil) when the output would exceed this many bytes.
    /// - Returns: nil when the data is corrupt or too large.
    package static func decompress(_ input: [UInt8], limit: Int = 1 << 30) -> [UInt8]? {
        if input.isEmpty { return [] }
        let gzip = isGzip(input[...])
        let zlibHeader = input.count >= 2 && input[0] & 0x0F == 8 && (UInt16(input[0]) << 8 | UInt16(input[1])) % 31 == 0
        // 15 + 32: gzip or zlib header detected automatically; -15: raw deflate.
        let window: Int32 = gzip || zlibHeader ? 15 + 32 : -15
        var out: [UInt8] = []
        out.reserveCapacity(min(limit, input.count * 4))
        var offset = 0
        while offset < input.count {
            guard let (member, consumed) = inflateOne(input, from: offset, window: window, limit: limit - out.count) else {
                return out.isEmpty || offset == 0 ? nil : out
            }
            out.append(contentsOf: member)
            offset += consumed
            // Another gzip member may follow (WARC files; `cat a.gz b.gz`); zero padding is allowed.
            guard gzip else { break }
            while offset < input.count && input[offset] == 0 { offset += 1 }
            if offset < input.count && !isGzip(input[offset...]) { break }
        }
        return out
    }

    /// Inflates one stream starting at `offset`: its bytes and how much input it used.
    static func inflateOne(_ input: [UInt8], from offset: Int, window: Int32, limit: Int) -> ([UInt8], Int)? {
        // zlib keeps the stream's address in its state: give it a fixed one.
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deallocate() }
        guard nk_inflate_init2(stream, window) == Z_OK else { return nil }
        defer { inflateEnd(stream) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var status: Int32 = Z_OK
        input.withUnsafeBufferPointer { inBuf in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress! + offset)
            stream.pointee.avail_in = UInt32(min(inBuf.count - offset, Int(UInt32.max)))
            repeat {
                let produced: Int = chunk.withUnsafeMutableBufferPointer { outBuf in
                    stream.pointee.next_out = outBuf.baseAddress
                    stream.pointee.avail_out = UInt32(outBuf.count)
                    status = inflate(stream, Z_NO_FLUSH)
                    return outBuf.count - Int(stream.pointee.avail_out)
                }
                if produced > 0 { out.append(contentsOf: chunk[0..<produced]) }
                if out.count > limit { status = Z_MEM_ERROR }
            } while status == Z_OK
        }
        guard status == Z_STREAM_END else { return nil }
        return (out, Int(stream.pointee.total_in))
    }

    /// Compresses bytes as one gzip member.
    package static func compress(_ input: [UInt8], level: Int32 = 6) -> [UInt8] {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deallocate() }
        guard nk_deflate_init2(stream, level, 15 + 16) == Z_OK else { return [] }
        defer { deflateEnd(stream) }
        var out: [UInt8] = []
        out.reserveCapacity(input.count / 3 + 64)
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        input.withUnsafeBufferPointer { inBuf in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
            stream.pointee.avail_in = UInt32(inBuf.count)
            var status: Int32 = Z_OK
            repeat {
                let produced: Int = chunk.withUnsafeMutableBufferPointer { outBuf in
                    stream.pointee.next_out = outBuf.baseAddress
                    stream.pointee.avail_out = UInt32(outBuf.count)
                    status = deflate(stream, Z_FINISH)
                    return outBuf.count - Int(stream.pointee.avail_out)
                }
                out.append(contentsOf: chunk[0..<produced])
            } while status == Z_OK
        }
        return out
    }
}

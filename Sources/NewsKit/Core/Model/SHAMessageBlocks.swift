/// The message schedule input shared by SHA-1 and SHA-256 (FIPS 180-4, 5.1.1 and 6.x.2):
/// padding to 64-byte blocks with the bit length at the end, and each block's first sixteen
/// big-endian words.
enum SHAMessageBlocks {
    /// `message`, a 0x80 byte, zeros, and the 64-bit big-endian bit length, to a multiple of 64 bytes.
    static func padded(_ message: [UInt8]) -> [UInt8] {
        var data = message
        let bitLength = UInt64(message.count) &* 8
        data.append(0x80)
        while data.count % 64 != 56 { data.append(0) }
        for i in (0..<8).reversed() { data.append(UInt8(truncatingIfNeeded: bitLength >> (UInt64(i) * 8))) }
        return data
    }

    /// Loads the sixteen big-endian words of the block at `chunk` into `w[0..<16]`.
    @inline(__always)
    static func load(_ data: [UInt8], block chunk: Int, into w: inout [UInt32]) {
        for i in 0..<16 {
            let j = chunk + i * 4
            w[i] = UInt32(data[j]) << 24 | UInt32(data[j + 1]) << 16 | UInt32(data[j + 2]) << 8 | UInt32(data[j + 3])
        }
    }
}

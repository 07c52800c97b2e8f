/// Decoding of character references (`&amp;`, `&#44608;`, `&#xAC00;`) as the HTML tokenizer does it.
package enum CharacterReference {
    /// Decodes the reference whose `&` precedes `input[position]`.
    ///
    /// - Returns: the position after the reference, with its UTF-8 expansion appended to `out`;
    ///   or `position` itself when the `&` is literal text.
    static func decode(_ input: UnsafeBufferPointer<UInt8>, at position: Int, inAttribute: Bool, into out: inout [UInt8]) -> Int {
        let end = input.count
        guard position < end else { return position }
        let c = input[position]
        if c == 0x23 { return decodeNumeric(input, at: position + 1, into: &out) ?? position }
        guard isAlphanumeric(c) else { return position }
        guard let match = NamedCharacterReferences.shared.longestMatch(in: input, at: position) else { return position }
        let after = position + match.length
        let endsWithSemicolon = input[after - 1] == 0x3B
        if inAttribute && !endsWithSemicolon && after < end && (input[after] == 0x3D || isAlphanumeric(input[after])) {
            return position
        }
        appendUTF8(match.first, to: &out)
        if match.second != 0 { appendUTF8(match.second, to: &out) }
        return after
    }

    private static func decodeNumeric(_ input: UnsafeBufferPointer<UInt8>, at start: Int, into out: inout [UInt8]) -> Int? {
        let end = input.count
        var p = start
        var hex = false
        if p < end && (input[p] | 0x20) == 0x78 { hex = true; p += 1 }
        var value: UInt32 = 0
        let digitsStart = p
        while p < end {
            let c = input[p]
            var digit: UInt32
            if c >= 0x30 && c <= 0x39 { digit = UInt32(c - 0x30) }
            else if hex && (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 { digit = UInt32((c | 0x20) - 0x61 + 10) }
            else { break }
            if value <= 0x10FFFF { value = value * (hex ? 16 : 10) + digit }
            p += 1
        }
        if p == digitsStart { return nil }
        if p < end && input[p] == 0x3B { p += 1 }
        appendUTF8(adjustedCodePoint(value), to: &out)
        return p
    }

    /// The numeric character reference end state's replacements.
    static func adjustedCodePoint(_ value: UInt32) -> UInt32 {
        if value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF) { return 0xFFFD }
        if value >= 0x80 && value <= 0x9F {
            switch value {
            case 0x80: return 0x20AC
            case 0x82: return 0x201A
            case 0x83: return 0x0192
            case 0x84: return 0x201E
            case 0x85: return 0x2026
            case 0x86: return 0x2020
            case 0x87: return 0x2021
            case 0x88: return 0x02C6
            case 0x89: return 0x2030
            case 0x8A: return 0x0160
            case 0x8B: return 0x2039
            case 0x8C: return 0x0152
            case 0x8E: return 0x017D
            case 0x91: return 0x2018
            case 0x92: return 0x2019
            case 0x93: return 0x201C
            case 0x94: return 0x201D
            case 0x95: return 0x2022
            case 0x96: return 0x2013
            case 0x97: return 0x2014
            case 0x98: return 0x02DC
            case 0x99: return 0x2122
            case 0x9A: return 0x0161
            case 0x9B: return 0x203A
            case 0x9C: return 0x0153
            case 0x9E: return 0x017E
            case 0x9F: return 0x0178
            default: return value
            }
        }
        return value
    }

    @inline(__always) static func isAlphanumeric(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A)
    }

    /// Text with its character references decoded: numeric ones, HTML's named ones (XML's five
    /// among them), as a text node would read them; a `&` that starts none stays as it is.
    package static func decodeText(_ bytes: [UInt8]) -> String {
        guard bytes.contains(0x26) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        bytes.withUnsafeBufferPointer { buf in
            while i < buf.count {
                if buf[i] == 0x26 {
                    let next = CharacterReference.decode(buf, at: i + 1, inAttribute: false, into: &out)
                    if next != i + 1 { i = next; continue }
                }
                out.append(buf[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Appends the UTF-8 encoding of a scalar value (surrogates become U+FFFD).
@inline(__always)
package func appendUTF8(_ cp: UInt32, to out: inout [UInt8]) {
    switch cp {
    case 0..<0x80:
        out.append(UInt8(cp))
    case 0x80..<0x800:
        out.append(UInt8(0xC0 | (cp >> 6)))
        out.append(UInt8(0x80 | (cp & 0x3F)))
    case 0xD800...0xDFFF:
        out.append(0xEF); out.append(0xBF); out.append(0xBD)
    case 0x800..<0x10000:
        out.append(UInt8(0xE0 | (cp >> 12)))
        out.append(UInt8(0x80 | ((cp >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (cp & 0x3F)))
    default:
        out.append(UInt8(0xF0 | (cp >> 18)))
        out.append(UInt8(0x80 | ((cp >> 12) & 0x3F)))
        out.append(UInt8(0x80 | ((cp >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (cp & 0x3F)))
    }
}

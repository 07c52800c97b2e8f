import Foundation

/// The tagger's binary table: the magic `NKTAGGR3`, then little-endian `UInt32` bucket bits, tag
/// count and features per position, a `Float32` scale, the `Int8` weights row by row (each row
/// padded with zeros to ``EntityTagger/rowWidth`` values) and the `Float32` transitions. The
/// built-in table is read once per process, and its weights are used where they lie.
extension EntityTagger {
    static let magic = Array("NKTAGGR3".utf8)

    /// Reads a table.
    /// - Parameters:
    ///   - data: the table's bytes.
    ///   - input: what they were read from, for errors.
    /// - Throws: ``TaggerTableError`` when the bytes are not a table this build can use (another
    ///   magic, another tag set or feature count, a size that does not match).
    package init(table data: Data, input: String) throws(TaggerTableError) {
        func fail(_ r: String) -> TaggerTableError { TaggerTableError(input: input, reason: r) }
        guard data.count >= 24, data.prefix(8).elementsEqual(Self.magic) else {
            // `NKTAGGR` and another version: a table this build no longer reads (a short table
            // of this version is not a table).
            let magic = data.prefix(8)
            if magic.count == 8, magic.prefix(7).elementsEqual(Self.magic.prefix(7)), !magic.elementsEqual(Self.magic) {
                throw fail("a tagger table of another format (\(String(decoding: magic, as: UTF8.self)), this build reads \(String(decoding: Self.magic, as: UTF8.self))); retrain it with scripts/train-ner.sh")
            }
            throw fail("not a NewsKit tagger table")
        }
        func u32(_ o: Int) -> UInt32 {
            data.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: o, as: UInt32.self)) }
        }
        let bits = Int(u32(8)), tags = Int(u32(12)), features = Int(u32(16))
        let scale = Float(bitPattern: u32(20))
        guard tags == EntityTag.count, features == TaggerFeatures.perPosition else {
            throw fail("made for \(tags) tags and \(features) features per position; this build has \(EntityTag.count) and \(TaggerFeatures.perPosition)")
        }
        guard (8...24).contains(bits), scale.isFinite, scale > 0 else { throw fail("bucket bits \(bits), scale \(scale)") }
        let rows = (1 << bits) * Self.rowWidth, transitionCount = (tags + 1) * tags
        let expected = 24 + rows + transitionCount * 4
        guard data.count == expected else { throw fail("\(data.count) bytes where \(expected) were expected") }
        let transitions = (0..<transitionCount).map { Float(bitPattern: u32(24 + rows + 4 * $0)) }
        // The weights stay in `data` (mapped from the file for the shipped table): no copy.
        self.init(bucketBits: bits, weightBytes: data, weightOffset: 24, scale: scale, transitions: transitions)
    }

    /// The table's bytes, as ``init(table:input:)`` reads them.
    package func table() -> Data {
        var out = Self.magic
        func u32(_ v: UInt32) { out += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)] }
        u32(UInt32(bucketBits)); u32(UInt32(EntityTag.count)); u32(UInt32(TaggerFeatures.perPosition)); u32(scale.bitPattern)
        let count = (1 << bucketBits) * Self.rowWidth
        out += weightBytes[weightBytes.startIndex + weightOffset ..< weightBytes.startIndex + weightOffset + count]
        for t in transitions { u32(t.bitPattern) }
        return Data(out)
    }

    /// The tagger of the shipped table, or of the file `NEWSKIT_TAGGER` names; read once per
    /// process. Nil when neither can be read: the recognizer then uses its gazetteer and rules alone.
    package static let builtIn: EntityTagger? = {
        guard let url = BundledResource.url(named: "entity-tagger.bin", besideSource: #filePath, overriddenBy: "NEWSKIT_TAGGER"),
              let data = try? Data(contentsOf: url, options: .alwaysMapped) else { return nil }
        return try? EntityTagger(table: data, input: url.path)
    }()
}

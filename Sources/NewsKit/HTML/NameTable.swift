/// An open-addressing hash table from name bytes to ids (FNV-1a hashing).
///
/// Copy-on-write: every parse starts from ``HTMLNames/knownTable`` and adds its own names.
struct NameTable: Sendable {
    private var slots: [Int32]          // index into `entries`, or -1
    private var entries: [(start: Int32, count: Int32, id: UInt32)] = []
    private var pool: [UInt8] = []
    private(set) var count = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
    }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for b in bytes { h = (h ^ UInt32(b)) &* 16_777_619 }
        return h
    }

    func lookup(_ bytes: [UInt8]) -> UInt32? {
        bytes.withUnsafeBufferPointer { lookup($0) }
    }

    func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        // Called for every tag and attribute name, so through raw pointers: slot indices are masked,
        // and entry indices and pool ranges were all written by `insert`.
        let mask = slots.count - 1
        var i = Int(NameTable.hash(bytes)) & mask
        let count = bytes.count
        return slots.withUnsafeBufferPointer { slotBuffer in
            entries.withUnsafeBufferPointer { entryBuffer in
                pool.withUnsafeBufferPointer { pool -> UInt32? in
                    while true {
                        let slot = slotBuffer.baseAddress![i]
                        if slot < 0 { return nil }
                        let e = entryBuffer.baseAddress![Int(slot)]
                        if Int(e.count) == count {
                            var j = 0
                            if let p = pool.baseAddress, let b = bytes.baseAddress {
                                let q = p + Int(e.start)
                                while j < count && q[j] == b[j] { j += 1 }
                            }
                            if j == count { return e.id }
                        }
                        i = (i + 1) & mask
                    }
                }
            }
        }
    }

    mutating func insert(_ bytes: [UInt8], id: UInt32) {
        bytes.withUnsafeBufferPointer { insert($0, id: id) }
    }

    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, id: UInt32) {
        if (count + 1) * 2 > slots.count { grow() }
        let start = Int32(pool.count)
        pool.append(contentsOf: bytes)
        entries.append((start, Int32(bytes.count), id))
        place(entry: Int32(entries.count - 1), hash: NameTable.hash(bytes))
        count += 1
    }

    private mutating func place(entry: Int32, hash: UInt32) {
        let mask = slots.count - 1
        var i = Int(hash) & mask
        while slots[i] >= 0 { i = (i + 1) & mask }
        slots[i] = entry
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        for (index, e) in entries.enumerated() {
            let h = pool.withUnsafeBufferPointer { p in
                NameTable.hash(UnsafeBufferPointer(rebasing: p[Int(e.start)..<Int(e.start + e.count)]))
            }
            place(entry: Int32(index), hash: h)
        }
    }
}

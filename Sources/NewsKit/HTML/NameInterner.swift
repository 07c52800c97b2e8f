/// Interns names for one parse: known names resolve to their ``KnownName`` id, others get ids from
/// ``HTMLNames/firstDynamicID`` up, kept in ``names`` for the document.
package struct NameInterner: Sendable {
    private var table = HTMLNames.knownTable
    /// Spellings of the dynamic names, indexed by `id - firstDynamicID`.
    private(set) var names: [String] = []

    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        if let id = table.lookup(bytes) { return id }
        let id = HTMLNames.firstDynamicID + UInt32(names.count)
        names.append(String(decoding: bytes, as: UTF8.self))
        table.insert(bytes, id: id)
        return id
    }

    mutating func intern(_ string: String) -> UInt32 {
        let bytes = Array(string.utf8)
        return bytes.withUnsafeBufferPointer { intern($0) }
    }

    package func id(of string: String) -> UInt32? {
        table.lookup(Array(string.utf8))
    }

    package func spelling(of id: UInt32) -> String {
        if id < HTMLNames.firstDynamicID { return HTMLNames.known[Int(id)] }
        return names[Int(id - HTMLNames.firstDynamicID)]
    }
}

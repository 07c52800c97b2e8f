extension KeyedEncodingContainer {
    /// Encodes the value, or an explicit `null` when it is absent (the JSON contract never omits keys).
    mutating func encodeOrNull<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
}

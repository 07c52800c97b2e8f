import Foundation

/// One of N disjoint parts of a run, for running it on N workers: an input belongs to the shard
/// its key's stable hash names, so the N shards of a run are disjoint and together hold exactly
/// the unsharded run's inputs, on any machine and in any order.
///
/// Keys: a file's path as given, a URL's host for fetched pages (so each host's politeness
/// stays inside one worker), a WARC file's path for archives.
///
/// ```swift
/// let shard = Shard(parsing: "2/8")!            // the third of eight
/// let mine = paths.filter { shard.contains($0) }
/// ```
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// Which part, from 0.
    public let index: Int
    /// How many parts.
    public let count: Int

    /// The part `index` of `count`.
    /// - Parameters:
    ///   - index: from 0 to `count - 1`.
    ///   - count: at least 1.
    /// - Returns: nil when `index` is outside `0..<count`.
    public init?(index: Int, of count: Int) {
        guard count >= 1, (0..<count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// `I/N` as written on the command line (`0/8` … `7/8`).
    /// - Parameter text: the index, a slash, the count.
    /// - Returns: nil unless both are whole numbers with `0 <= I < N`.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else { return nil }
        self.init(index: i, of: n)
    }

    /// `I/N`.
    public var description: String { "\(index)/\(count)" }

    /// Whether the input with this key is in the shard.
    /// - Parameter key: the input's path, host or archive path (see the type's summary).
    /// - Returns: whether `stableHash(key) % count == index`.
    public func contains(_ key: String) -> Bool {
        count == 1 || Int(Shard.stableHash(key) % UInt64(count)) == index
    }

    /// The key of a URL for sharding: its host in lower case (the whole URL when it has none).
    /// - Parameter url: a page's URL.
    /// - Returns: the key ``contains(_:)`` takes.
    public static func hostKey(_ url: URL) -> String {
        url.host?.lowercased() ?? url.absoluteString
    }

    /// FNV-1a, 64 bits, over the UTF-8 bytes: the same on every machine and every run (Swift's
    /// `Hasher` is seeded per process).
    /// - Parameter key: the text hashed.
    /// - Returns: the hash.
    public static func stableHash(_ key: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }
}

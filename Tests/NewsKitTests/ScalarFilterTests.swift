import Testing
@testable import NewsKitCore

/// The per-character pre-tests of the text scans: a filter never says no to a scalar it holds,
/// and a trie behind one finds what it found without it.
@Suite struct ScalarFilterTests {
    @Test func aFilterHoldsItsScalarsAndRefusesOthersOfThePlane() {
        let held = Array("북미러중日韓·a".unicodeScalars)
        let filter = ScalarFilter(held)
        for s in held { #expect(filter.mayContain(s)) }
        for s in "남가b .한".unicodeScalars { #expect(!filter.mayContain(s), "\(s) was let through") }
        #expect(!ScalarFilter().mayContain("a"))
    }

    @Test func scalarsBeyondThePlaneMayShareABitButAreNeverRefused() {
        let emoji: Unicode.Scalar = "😀"   // U+1F600: kept by its low 16 bits, 0xF600
        let filter = ScalarFilter([emoji])
        #expect(filter.mayContain(emoji))
        #expect(filter.mayContain(Unicode.Scalar(0xF600)!))   // a hint, not a certainty
    }

    @Test func aTrieFindsEveryStoredFormBehindItsFilter() {
        var trie = ScalarTrie<Int>()
        trie.insert("김정은", 1)
        trie.insert("김정", 2)
        trie.insert("Putin", 3)
        let text = Array("북한 김정은 위원장과 Putin".unicodeScalars)
        #expect(trie.matches(in: text, at: 3).map(\.end) == [5, 6])
        #expect(trie.matches(in: text, at: 12).map(\.payloads) == [[3]])
        #expect(trie.matches(in: text, at: 0).isEmpty)
        #expect(trie.matches(in: text, at: text.count).isEmpty)
        #expect(trie.startsWith("김") && trie.startsWith("P") && !trie.startsWith("북"))
    }
}

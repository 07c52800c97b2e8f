import Foundation

/// Looks across the articles of a run: near-duplicates (`duplicateOf`), stories (`storyID`)
/// and reposts (`origin.articleID`).
///
/// - Near-duplicates: MinHash over five-character shingles of the text's letters (spaces and
///   punctuation ignored, so re-wrapped or re-punctuated copies still match); an estimated
///   Jaccard similarity of 0.7 or more makes a duplicate of the first article seen with that
///   text. Found through locality-sensitive hashing bands, so a run need not compare every pair.
/// - Stories: articles about the same event share key entities (weighted by how rare they are
///   in the run; the outlet's own name, which all its articles share, is no key entity) and
///   their first day reference falls within two days (`12일(현지시간)` in an undated page
///   matches an article whose lead event is on the 12th; first days further apart ask for a
///   much closer match); articles published more than a week apart are never one story.
///   Similar headlines add to the score.
/// - Reposts: an article whose ``Origin`` names an outlet and headline is linked to the article
///   of that outlet with that headline (or that text), when it was seen earlier in the run.
///
/// Works online, so results can stream: ``assign(_:)`` decides with what it has seen, and the
/// first article of a story lends it its id (`story-<id>`). It remembers a compact fingerprint
/// per article (about 1 KB), at most ``capacity`` of them (4,096 by default: stories are local
/// in time, and memory stays flat however long the run). Thread-safe.
///
/// ```swift
/// let tracker = StoryTracker()
/// for var article in articles { tracker.assign(&article); print(article.storyID!) }
/// ```
public final class StoryTracker: @unchecked Sendable {
    /// Fingerprints kept (the oldest are forgotten first).
    public let capacity: Int
    private let lock = NSLock()
    private var prints: [Int: Fingerprint] = [:]
    private var nextSerial = 0
    private var bands: [UInt64: [Int]] = [:]
    private var byEntity: [String: [Int]] = [:]
    private var entityDF: [String: Int] = [:]
    private var byTitle: [String: Int] = [:]

    /// Makes a tracker that has seen nothing yet.
    /// - Parameter capacity: the most fingerprints kept; values under 16 mean 16.
    public init(capacity: Int = 4096) { self.capacity = max(16, capacity) }

    /// How many fingerprints are kept now (at most ``capacity``).
    public var rememberedCount: Int { lock.withLock { prints.count } }

    struct Fingerprint {
        var id: String
        var storyID: String
        var duplicateOf: String?
        var signature: [UInt32]
        var entities: [String: Double]
        var published: Int?
        var firstDay: Int?
        var firstDayOfMonth: Int?
        var titleGrams: Set<String>
        var source: String
        var titleKey: String?
    }

    static let hashes = 64
    static let rows = 4

    /// Sets `duplicateOf`, `storyID` and `origin.articleID` from the articles seen so far, and
    /// remembers this one. Call after the entity and event-date enrichers.
    /// - Parameter article: the article, changed in place: ``Article/duplicateOf`` is set (or
    ///   cleared) and ``Article/storyID`` always set (its own `story-<id>` when it starts a
    ///   story); an ``Origin/articleID`` already set is kept.
    public func assign(_ article: inout Article) {
        let fp = Self.fingerprint(article)
        lock.lock()
        defer { lock.unlock() }
        // Near-duplicate?
        var duplicate: Fingerprint?
        if !fp.signature.isEmpty {
            let sig = fp.signature
            var seen = Set<Int>()
            for key in Self.bandKeys(sig) {
                for serial in bands[key] ?? [] where !seen.contains(serial) {
                    seen.insert(serial)
                    guard let other = prints[serial] else { continue }
                    if Self.jaccard(sig, other.signature) >= 0.7 {
                        if duplicate == nil || other.id < duplicate!.id { duplicate = other }
                    }
                }
            }
        }
        var fp2 = fp
        if let d = duplicate {
            fp2.duplicateOf = d.duplicateOf ?? d.id
            fp2.storyID = d.storyID
        } else if let story = bestStory(for: fp) {
            fp2.storyID = story
        }
        article.duplicateOf = fp2.duplicateOf
        article.storyID = fp2.storyID
        // A repost and its original.
        if var origin = article.origin, origin.articleID == nil {
            if let title = origin.title.map(Self.titleKey), let serial = byTitle[origin.name + "\u{1}" + title], let o = prints[serial], o.id != article.id {
                origin.articleID = o.id
            } else if let d = duplicate, d.source == origin.name {
                origin.articleID = d.id
            }
            article.origin = origin
        }
        remember(fp2, title: article.title)
    }

    /// Remembers an article decided earlier (a resumed run's stored articles) with the story and
    /// duplicate links it already has, so new articles can join its story.
    /// - Parameter article: an article as it was stored, with its ``Article/storyID`` and
    ///   ``Article/duplicateOf``; it is not changed.
    public func prime(_ article: Article) {
        var fp = Self.fingerprint(article)
        fp.storyID = article.storyID ?? fp.storyID
        fp.duplicateOf = article.duplicateOf
        lock.withLock { remember(fp, title: article.title) }
    }

    /// Assigns a whole batch in order and returns it.
    /// - Parameter articles: the articles, in the order they are to be seen.
    /// - Returns: the articles in the same order, each as assigning it alone would leave it.
    public func assign(_ articles: [Article]) -> [Article] {
        articles.map { a in var a = a; assign(&a); return a }
    }

    // MARK: - Stories

    private func bestStory(for fp: Fingerprint) -> String? {
        guard !fp.entities.isEmpty else { return nil }
        let n = Double(prints.count + 1)
        func weight(_ key: String) -> Double { log((n + 5) / (Double(entityDF[key] ?? 0) + 2)) }
        var candidates = Set<Int>()
        for key in fp.entities.keys { for s in (byEntity[key] ?? []).suffix(500) { candidates.insert(s) } }
        var best: (score: Double, story: String)?
        for serial in candidates {
            guard let other = prints[serial] else { continue }
            // Published more than a week apart: not one event.
            if let a = fp.published, let b = other.published, abs(a - b) > 7 { continue }
            let days: Bool?
            if let a = fp.firstDay, let b = other.firstDay { days = abs(a - b) <= 2 }
            else if let a = fp.firstDayOfMonth, let b = other.firstDayOfMonth { let d = abs(a - b); days = min(d, 31 - d) <= 2 }
            else { days = nil }
            var dot = 0.0, na = 0.0, nb = 0.0
            for (k, v) in fp.entities { let w = v * weight(k); na += w * w; if let o = other.entities[k] { dot += w * o * weight(k) } }
            for (k, v) in other.entities { let w = v * weight(k); nb += w * w }
            guard na > 0, nb > 0 else { continue }
            let cosine = dot / (na.squareRoot() * nb.squareRoot())
            let headline = Self.jaccard(fp.titleGrams, other.titleGrams)
            let score = cosine + 0.5 * headline
            // With matching days, shared key entities suffice; without any date, ask for more;
            // with first days apart, much more (the first day a text names is not always its
            // event's: a report may open with the background).
            let needed = days == true ? 0.35 : days == nil ? 0.6 : 0.85
            if score >= needed, best == nil || score > best!.score { best = (score, other.storyID) }
        }
        return best?.story
    }

    private func remember(_ fp: Fingerprint, title: String?) {
        let serial = nextSerial
        nextSerial += 1
        prints[serial] = fp
        if !fp.signature.isEmpty { for key in Self.bandKeys(fp.signature) { bands[key, default: []].append(serial) } }
        for key in fp.entities.keys {
            byEntity[key, default: []].append(serial)
            entityDF[key, default: 0] += 1
        }
        var fp = fp
        if let title {
            let key = fp.source + "\u{1}" + Self.titleKey(title)
            byTitle[key] = serial
            fp.titleKey = key
            prints[serial] = fp
        }
        // Forget the oldest beyond capacity (index lists are pruned lazily when read).
        if prints.count > capacity {
            let oldest = serial - capacity
            if let old = prints.removeValue(forKey: oldest) {
                for key in Self.bandKeys(old.signature) { bands[key]?.removeAll { $0 <= oldest }; if bands[key]?.isEmpty == true { bands[key] = nil } }
                for key in old.entities.keys { byEntity[key]?.removeAll { $0 <= oldest }; if byEntity[key]?.isEmpty == true { byEntity[key] = nil } }
                if let t = old.titleKey, byTitle[t] == oldest { byTitle[t] = nil }
            }
        }
    }

    // MARK: - Fingerprints

    static func fingerprint(_ a: Article) -> Fingerprint {
        let authors = Set(a.authors.map(\.name))
        let outlets = Self.outletNames(a)
        var entities: [String: Double] = [:]
        // The sixteen most mentioned entities are the article's key entities; the outlet itself
        // (its name, its agency, a broadcaster's sign-off) says nothing of the event: every
        // article of that outlet names it.
        for e in a.entities.filter({ !$0.spans.isEmpty && !authors.contains($0.name) && !Self.namesOutlet($0, outlets) }).prefix(16) {
            entities["\(e.type.rawValue):\(e.name)"] = 1 + log(Double(max(1, e.spans.count)))
        }
        let published = (a.origin?.publishedAt ?? a.publishedAt).map { dayNumber($0) }
        let firstDay = a.eventDates.first { $0.date.count == 10 }.flatMap { d -> Int? in
            let p = d.date.split(separator: "-").compactMap { Int($0) }
            return p.count == 3 ? Instant.daysFromCivil(p[0], p[1], p[2]) : nil
        }
        return Fingerprint(id: a.id, storyID: "story-" + a.id, duplicateOf: nil, signature: minHash(a.text), entities: entities,
                           published: published, firstDay: firstDay, firstDayOfMonth: EventDateResolver().firstDayOfMonth(in: a.text),
                           titleGrams: grams(a.title ?? ""), source: a.origin == nil ? (a.source.name ?? a.source.id) : "", titleKey: nil)
    }

    /// The names under which an article's outlet appears in its text: the source's name and
    /// id, the dateline's agency, the origin of a repost.
    static func outletNames(_ a: Article) -> [String] {
        var names = [a.source.name, a.agency, a.origin?.name].compactMap { $0 }
        names += a.source.id.split(separator: ".").map(String.init).filter { $0.count >= 3 && $0 != "www" && $0 != "com" && $0 != "news" }
        return names.map { titleKey($0).lowercased() }.filter { $0.unicodeScalars.count >= 2 }
    }

    /// Whether the entity is the outlet (`연합뉴스` of `연합뉴스TV`, `SBS` of `SBS 뉴스`).
    static func namesOutlet(_ e: Entity, _ outlets: [String]) -> Bool {
        guard e.type == .organization, !outlets.isEmpty else { return false }
        return ([e.name] + e.aliases).contains { form in
            let k = titleKey(form).lowercased()
            return k.unicodeScalars.count >= 2 && outlets.contains { $0.contains(k) || k.contains($0) }
        }
    }

    static func dayNumber(_ i: Instant) -> Int {
        let c = i.components
        return Instant.daysFromCivil(c.year, c.month, c.day)
    }

    static func titleKey(_ t: String) -> String {
        String(String.UnicodeScalarView(t.unicodeScalars.filter { ScalarClass.isHangul($0) || ScalarClass.isASCIIAlnum($0) || ScalarClass.isHanja($0) }))
    }

    static func grams(_ t: String) -> Set<String> {
        let k = Array(titleKey(t).unicodeScalars)
        guard k.count >= 2 else { return [] }
        return Set((0..<(k.count - 1)).map { String(String.UnicodeScalarView(k[$0...($0 + 1)])) })
    }

    static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        return Double(a.intersection(b).count) / Double(a.union(b).count)
    }

    static func jaccard(_ a: [UInt32], _ b: [UInt32]) -> Double {
        guard a.count == b.count, !a.isEmpty else { return 0 }
        var same = 0
        for i in 0..<a.count where a[i] == b[i] { same += 1 }
        return Double(same) / Double(a.count)
    }

    /// MinHash of the five-letter shingles of the text's letters and digits (one hash per
    /// shingle spread over 64 bins, empty bins filled from their neighbours); empty for texts
    /// too short to judge (under 60 letters).
    static func minHash(_ text: String) -> [UInt32] {
        var letters: [UInt32] = []
        letters.reserveCapacity(text.utf8.count / 2)
        for s in text.unicodeScalars where ScalarClass.isHangul(s) || ScalarClass.isASCIIAlnum(s) || ScalarClass.isHanja(s) || (s.value >= 0xC0 && s.value < 0x2000) {
            letters.append(s.value)
        }
        guard letters.count >= 60 else { return [] }
        var mins = [UInt32](repeating: .max, count: hashes)
        var filled = [Bool](repeating: false, count: hashes)
        for i in 0...(letters.count - 5) {
            var h: UInt64 = 0xcbf29ce484222325
            for k in 0..<5 { h = (h ^ UInt64(letters[i + k])) &* 0x100000001b3 }
            h = (h ^ (h >> 31)) &* 0x94D049BB133111EB
            h ^= h >> 29
            let bin = Int(h >> 58)
            let v = UInt32(truncatingIfNeeded: h)
            if v < mins[bin] { mins[bin] = v }
            filled[bin] = true
        }
        // Densify: an empty bin borrows the value of the next filled one, offset by the distance.
        for j in 0..<hashes where !filled[j] {
            var k = 1
            while !filled[(j + k) % hashes] { k += 1 }
            mins[j] = mins[(j + k) % hashes] &+ UInt32(k) &* 0x9E3779B9
        }
        return mins
    }

    static func bandKeys(_ sig: [UInt32]) -> [UInt64] {
        guard sig.count == hashes else { return [] }
        return stride(from: 0, to: hashes, by: rows).map { start in
            var h: UInt64 = 0xcbf29ce484222325 ^ UInt64(start)
            for k in start..<(start + rows) { h = (h ^ UInt64(sig[k])) &* 0x100000001b3 }
            return h
        }
    }
}

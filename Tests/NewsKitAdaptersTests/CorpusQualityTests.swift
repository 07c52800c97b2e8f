import Foundation
import Testing
import NewsKit
import NewsKitAdapters

/// Floors for extraction quality on the real pages in `../shared/corpus` (skipped, with a note,
/// when the corpus is missing). `scripts/eval.py` prints the full per-site report; these tests
/// keep a change from quietly undoing it.
@Suite struct CorpusQualityTests {
    /// `../shared/corpus` (or `$NEWSKIT_SHARED/corpus`), nil when missing: this target's one check
    /// for shared material, the condition of the `.enabled(if:)` trait of each test that needs it.
    static let corpus: URL? = {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }   // file, NewsKitAdaptersTests, Tests
        let shared = ProcessInfo.processInfo.environment["NEWSKIT_SHARED"].map(URL.init(fileURLWithPath:))
            ?? root.deletingLastPathComponent().appendingPathComponent("shared")
        let corpus = shared.appendingPathComponent("corpus")
        if FileManager.default.fileExists(atPath: corpus.path) { return corpus }
        FileHandle.standardError.write(Data("NOTE: \(corpus.path) is missing: corpus quality tests are skipped.\n".utf8))
        return nil
    }()

    static func extract(_ file: URL) -> Result<Article, Error> {
        Result {
            let page = Page(bytes: try [UInt8](Data(contentsOf: file)), filePath: file.path)
            return try AdapterRegistry.builtIn.extract(try Document(page: page))
        }
    }

    // MARK: The article-extraction-benchmark metric (word 4-gram shingles)

    static func tokens(_ s: String) -> [Substring] {
        s.split { !($0.isLetter || $0.isNumber || $0 == "_") }
    }

    static func shingles(_ s: String) -> [String: Int] {
        let t = tokens(s)
        var out: [String: Int] = [:]
        guard !t.isEmpty else { return out }
        for i in 0..<max(1, t.count - 3) { out[t[i..<min(i + 4, t.count)].joined(separator: " "), default: 0] += 1 }
        return out
    }

    /// Mean precision and recall over pages, as the benchmark's evaluate.py computes them.
    static func precisionRecall(_ pairs: [(truth: String, predicted: String)]) -> (p: Double, r: Double, f1: Double) {
        var ps: [Double] = [], rs: [Double] = []
        for (truth, predicted) in pairs {
            let t = shingles(truth), p = shingles(predicted)
            var tp = 0.0, fp = 0.0, fn = 0.0
            for k in Set(t.keys).union(p.keys) {
                let tc = Double(t[k] ?? 0), pc = Double(p[k] ?? 0)
                tp += min(tc, pc); fp += max(0, pc - tc); fn += max(0, tc - pc)
            }
            if tp + fp > 0 { ps.append(fp == 0 && fn == 0 ? 1 : tp / (tp + fp)) }
            if tp + fn > 0 { rs.append(fp == 0 && fn == 0 ? 1 : tp / (tp + fn)) }
        }
        let p = ps.isEmpty ? 0 : ps.reduce(0, +) / Double(ps.count)
        let r = rs.isEmpty ? 0 : rs.reduce(0, +) / Double(rs.count)
        return (p, r, p + r > 0 ? 2 * p * r / (p + r) : 0)
    }

    @Test func metricMatchesTheBenchmarkOnSmallCases() {
        let same = Self.precisionRecall([("one two three four five", "one two three four five")])
        #expect(same.f1 == 1)
        let half = Self.precisionRecall([("a b c d e f g h", "a b c d e")])   // 2 of 5 shingles found, none wrong
        #expect(half.p == 1 && abs(half.r - 0.4) < 1e-9)
    }

    // MARK: Floors

    @Test(.enabled(if: CorpusQualityTests.corpus != nil, "needs ../shared/corpus (or NEWSKIT_SHARED)"))
    func benchmarkPagesScoreAtLeastTheirFloor() throws {
        let corpus = try #require(Self.corpus)
        let gtURL = corpus.appendingPathComponent("aeb-dev/ground-truth.json")
        let gt = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: gtURL)) as? [String: [String: Any]])
        var pairs: [(String, String)] = []
        for (key, value) in gt.sorted(by: { $0.key < $1.key }) {
            let file = corpus.appendingPathComponent("aeb-dev/html/\(key).html")
            guard FileManager.default.fileExists(atPath: file.path) else { continue }
            let text = (try? Self.extract(file).get())?.text ?? ""
            pairs.append(((value["articleBody"] as? String) ?? "", text))
        }
        #expect(pairs.count >= 90)
        let m = Self.precisionRecall(pairs)
        // Measured 0.976 (trafilatura 2.3.1 in its fast mode: 0.969); the floor leaves room for noise.
        #expect(m.f1 >= 0.97, "aeb-dev F1 \(m.f1) (P \(m.p), R \(m.r))")
    }

    @Test(.enabled(if: CorpusQualityTests.corpus != nil, "needs ../shared/corpus (or NEWSKIT_SHARED)"))
    func koreanPagesHaveTheirTitleDateAndText() throws {
        let corpus = try #require(Self.corpus)
        let dir = corpus.appendingPathComponent("korean/scrapping-webs")
        let fm = FileManager.default
        var checked = 0
        for site in try fm.contentsOfDirectory(atPath: dir.path).sorted() {
            for name in try fm.contentsOfDirectory(atPath: dir.appendingPathComponent(site).path).sorted() where name.hasSuffix(".gt.json") {
                let gtFile = dir.appendingPathComponent(site).appendingPathComponent(name)
                let html = gtFile.deletingLastPathComponent().appendingPathComponent(String(name.dropLast(8)) + ".html")
                let root = try JSONSerialization.jsonObject(with: Data(contentsOf: gtFile)) as? [String: Any]
                var parsed = root?["parsed_data"]
                if let list = parsed as? [Any] { parsed = list.first }
                guard let gt = parsed as? [String: Any] else { continue }
                let article = try Self.extract(html).get()
                checked += 1
                #expect(!article.body.isEmpty, "\(html.lastPathComponent): empty body")
                if let title = (gt["title"] as? [String])?.first {
                    // The kicker is a field of its own: `[SC현장] 제목` is kicker `SC현장`, title `제목`.
                    let t = article.title?.collapsingWhitespace() ?? ""
                    let forms = [t] + (article.kicker.map { k in ["[\(k)] \(t)", "[\(k)]\(t)", "\(t)(\(k))"] } ?? [])
                    #expect(forms.contains(title.collapsingWhitespace()), "\(html.lastPathComponent): title \(forms)")
                }
                if let raw = (gt["published_at"] as? [String])?.first, let want = Instant(iso8601: raw) {
                    let got = try #require(article.publishedAt, "\(html.lastPathComponent): no published time")
                    let (g, w) = (Int(got.date.timeIntervalSince1970), Int(want.date.timeIntervalSince1970))
                    #expect(g / 60 == w / 60, "\(html.lastPathComponent): published \(got), want \(want) (to the minute)")
                }
            }
        }
        #expect(checked >= 40)
    }

    @Test(.enabled(if: CorpusQualityTests.corpus != nil, "needs ../shared/corpus (or NEWSKIT_SHARED)"))
    func sectionAndHomePagesAreNotArticles() throws {
        let corpus = try #require(Self.corpus)
        for path in ["korean/misc_yna/yna_section_asia-australia.html", "korean/crussion_study/naver_news_home_2021-10.html"] {
            let file = corpus.appendingPathComponent(path)
            guard case .failure(let error) = Self.extract(file) else {
                Issue.record("\(path) was extracted as an article")
                continue
            }
            #expect((error as? ExtractionError)?.code == .notAnArticle, "\(path): \(error)")
        }
    }
}

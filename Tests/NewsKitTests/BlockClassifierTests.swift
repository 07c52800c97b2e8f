import Foundation
import Testing
import NewsKit
@testable import NewsKitCore

/// The learned block classifier: its shipped weights, how it corrects the container pick, and
/// what it never takes from the assembler.
@Suite struct BlockClassifierTests {
    static let paragraphs = GenericExtractionTests.paragraphs

    /// A page with the article in `<article>`, a byline, a related box, and prose outside the article.
    static let page = """
    <html><head><meta property="og:type" content="article"></head><body>
    <div class="intro"><div><div><p>기사 밖의 문단이지만 문장으로 끝나는 긴 글이다. 기사 밖의 문단이지만 문장으로 끝나는 긴 글이다.</p></div></div></div>
    <article><p>\(paragraphs[0])</p><p>\(paragraphs[1])</p><p>홍길동 기자</p>
    <div class="related"><h4>관련 기사</h4><ul><li><a href="/news/view/2371190">첫 관련 기사 제목입니다</a></li></ul></div>
    <p>\(paragraphs[2])</p></article></body></html>
    """

    /// A classifier whose two models answer `inside` and `outside` for every block.
    static func constant(inside: Double, outside: Double, dropBelow: Double, addAbove: Double) -> BlockClassifier {
        let n = BlockFeatures.names.count
        func model(_ p: Double) -> LogisticModel {
            LogisticModel(mean: Array(repeating: 0, count: n), scale: Array(repeating: 1, count: n),
                          weights: Array(repeating: 0, count: n), bias: log(p / (1 - p)))
        }
        return BlockClassifier(features: BlockFeatures.names, inside: model(inside), outside: model(outside),
                               dropBelow: dropBelow, addAbove: addAbove)
    }

    static func refine(_ classifier: BlockClassifier) throws -> (texts: [String], refinement: BlockClassifier.Refinement) {
        let document = try GenericExtractionTests.document(page)
        let blocks = document.blocks
        let containers = GenericExtractor.mainContainers(blocks, document: document)
        let parts = GenericExtractor.articleParts(blocks, containers: containers)
        let r = classifier.refine(parts, blocks: blocks, document: document, containers: containers)
        return (r.blocks.map(\.text), r)
    }

    @Test func theShippedWeightsNameTheFeaturesThisBuildComputes() throws {
        let shipped = try #require(BlockClassifier.builtIn, "Extraction/block-classifier.json is missing or was fitted for other features: rerun scripts/fit-blocks.py")
        #expect(shipped.features == BlockFeatures.names)
        #expect(shipped.dropBelow >= 0 && shipped.dropBelow < shipped.addAbove && shipped.addAbove <= 1)
    }

    @Test func weightsFittedForOtherFeaturesAreRefused() throws {
        var other = Self.constant(inside: 0.5, outside: 0.5, dropBelow: 0, addAbove: 1)
        other.features = other.features.reversed()
        let url = URL(fileURLWithPath: NSTemporaryDirectory() + "newskit-weights-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try JSONEncoder().encode(other).write(to: url)
        #expect(BlockClassifier.load(url) == nil)
        other.features = BlockFeatures.names
        try JSONEncoder().encode(other).write(to: url)
        #expect(BlockClassifier.load(url) != nil)
    }

    @Test func aClassifierThatJudgesNothingLeavesThePickAsItIs() throws {
        let document = try GenericExtractionTests.document(Self.page)
        let blocks = document.blocks
        let containers = GenericExtractor.mainContainers(blocks, document: document)
        let parts = GenericExtractor.articleParts(blocks, containers: containers)
        let (texts, r) = try Self.refine(Self.constant(inside: 0.5, outside: 0.5, dropBelow: 0, addAbove: 1))
        #expect(texts == (parts.inside + parts.related).map(\.text))
        #expect(r.dropped.isEmpty && r.added.isEmpty)
        #expect(!r.scored.isEmpty)
    }

    @Test func bylinesAndRelatedRunsAreNeverDroppedThoughProseIs() throws {
        let (texts, _) = try Self.refine(Self.constant(inside: 0.01, outside: 0.01, dropBelow: 0.5, addAbove: 1))
        #expect(!texts.contains(Self.paragraphs[0]) && !texts.contains(Self.paragraphs[2]))
        #expect(texts.contains("홍길동 기자"))
        #expect(texts.contains("관련 기사") && texts.contains("첫 관련 기사 제목입니다"))
    }

    @Test func proseOutsideThePickIsTakenInAboveTheThresholdInPageOrder() throws {
        let (texts, r) = try Self.refine(Self.constant(inside: 0.5, outside: 0.99, dropBelow: 0, addAbove: 0.9))
        let outside = "기사 밖의 문단이지만 문장으로 끝나는 긴 글이다. 기사 밖의 문단이지만 문장으로 끝나는 긴 글이다."
        #expect(texts.first == outside, "taken in before the article, where the page has it")
        #expect(r.added.count == 1)
    }

    @Test func eachBlockGetsOneValuePerFeature() throws {
        let document = try GenericExtractionTests.document(Self.page)
        let blocks = document.blocks
        let containers = GenericExtractor.mainContainers(blocks, document: document)
        let chosen = Set(GenericExtractor.articleBlocks(blocks, containers: containers).map(\.index))
        let features = BlockFeatures.compute(blocks, document: document, content: chosen, containers: containers)
        #expect(features.count == blocks.filter { BlockFeatures.isText($0.role) && !$0.text.isEmpty }.count)
        #expect(features.allSatisfy { $0.values.count == BlockFeatures.names.count && $0.values.allSatisfy(\.isFinite) })
        let inContent = try #require(BlockFeatures.names.firstIndex(of: "in_content"))
        let chosenText = blocks.filter { chosen.contains($0.index) && BlockFeatures.isText($0.role) && !$0.text.isEmpty }
        #expect(features.filter { $0.values[inContent] == 1 }.count == chosenText.count)
    }
}

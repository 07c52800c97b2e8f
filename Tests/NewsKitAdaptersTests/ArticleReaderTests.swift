import Foundation
import Testing
import NewsKit
import NewsKitAdapters

/// One article, however it is asked for: the reader, the registry and an adapter called directly
/// agree on what an article is.
@Suite struct ArticleReaderTests {
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples/seeds")
    static let seed000 = seeds.appendingPathComponent("000_902ba53e243bc19e.txt").path

    @Test func theReaderEnrichesByDefault() throws {
        let article = try ArticleReader.builtIn().read(path: Self.seed000)
        #expect(article.adapter.id == "yonhap-repost")
        #expect(article.entities.count >= 10)
        #expect(!article.eventDates.isEmpty)
        #expect(article.storyID != nil)
        #expect(article.language == "ko")
    }

    @Test func enrichmentCanBeTurnedOff() throws {
        let plain = try ArticleReader.builtIn(enrichment: .none).read(path: Self.seed000)
        #expect(plain.entities.isEmpty && plain.eventDates.isEmpty && plain.storyID == nil)
        let registry = try AdapterRegistry.builtIn.extract(try Document(page: try Page.read(path: Self.seed000)))
        #expect(plain == registry, "without enrichment the reader gives what the registry gives")
    }

    @Test func anAdapterCalledDirectlyGivesACompleteArticle() throws {
        let document = try Document(page: try Page.read(path: Self.seed000))
        let viaRegistry = try AdapterRegistry.builtIn.extract(document)
        let direct = try YonhapRepostAdapter().extract(document)
        #expect(direct == viaRegistry)
        #expect(!direct.id.isEmpty)
        let generic = try GenericExtractor().extract(document)
        #expect(!generic.id.isEmpty)
        #expect(generic.language == "ko")
        #expect(generic.file == Self.seed000)
    }

    @Test func completingTwiceChangesNothing() throws {
        let document = try Document(page: try Page.read(path: Self.seed000))
        var article = try AdapterRegistry.builtIn.extract(document)
        let once = article
        article.complete(from: document, adapter: article.adapter)
        #expect(article == once)
    }
}

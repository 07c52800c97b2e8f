#if canImport(FoundationXML)
import FoundationXML
#else
import Foundation
#endif
import NewsKit
import Testing

/// What `import NewsKit` brings must not collide with what Foundation brings.
@Suite struct PublicSurfaceTests {
    /// `XMLElement` was once also a NewsKit type, which made this line ambiguous
    /// ("'XMLElement' is ambiguous for type lookup"): the file would not compile.
    @Test func foundationsXMLElementIsUnambiguousBesideNewsKit() {
        let element: XMLElement? = XMLElement(name: "item")
        #expect(element?.name == "item")
    }
}

// NewsKitCore's public API speaks in the HTML module's types (a Document holds an HTMLDocument,
// a Block its HTMLNode), so importing the core brings them.
@_exported import NewsKitHTML

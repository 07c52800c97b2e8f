import NewsKit
import NewsKitAdapters

/// `--adapter ID` on extract, fetch and crawl.
enum AdapterChoice {
    /// The problem with the id given, or nil when there is none or it names a built-in adapter.
    static func problem(_ args: ParsedArguments) -> String? {
        guard let id = args.text("adapter"), AdapterRegistry.builtIn.adapter(id: id) == nil else { return nil }
        return "no adapter \"\(id)\"; known: " + AdapterRegistry.builtIn.adapters.map(\.id).joined(separator: ", ")
    }
}

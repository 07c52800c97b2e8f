import Foundation
import NewsKit
import NewsKitAdapters

/// `newskit-demo adapters`: the adapters, in priority order, with what they read and, for
/// adapters made of layouts, the layouts in the order they are tried.
enum AdaptersCommand {
    static func run(_ args: ParsedArguments) -> Int32 {
        for a in AdapterRegistry.builtIn.adapters {
            let hosts = a.hosts.isEmpty ? "" : "  [" + a.hosts.joined(separator: ", ") + "]"
            print("\(a.id.padding(toLength: 15, withPad: " ", startingAt: 0)) v\(a.version)  \(a.summary)\(hosts)")
            if let kit = a as? any LayoutAdapter {
                for layout in kit.layouts {
                    let until = layout.validUntil.map { ", pages published until \($0.iso8601)" } ?? ""
                    print(String(repeating: " ", count: 17) + "layout: \(layout.name)\(until)")
                }
            }
        }
        return 0
    }
}

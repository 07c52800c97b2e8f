import Foundation
import NewsKit
import NewsKitAdapters

/// `newskit-demo adapters`: the adapters, in priority order, with what they read.
enum AdaptersCommand {
    static func run(_ args: ParsedArguments) -> Int32 {
        for a in AdapterRegistry.builtIn.adapters {
            let hosts = a.hosts.isEmpty ? "" : "  [" + a.hosts.joined(separator: ", ") + "]"
            print("\(a.id.padding(toLength: 15, withPad: " ", startingAt: 0)) v\(a.version)  \(a.summary)\(hosts)")
        }
        return 0
    }
}

import Foundation
import NewsKitHTML

/// An append-only file of JSON lines with ids (the report's records), repaired and read back
/// like ``JSONLinesSink``'s file.
final class JSONLinesRecords {
    let path: String
    let sinkName: String
    private var fd: Int32
    private var known = StoredKeys()

    init(path: String, sinkName: String) throws(SinkError) {
        self.path = path
        self.sinkName = sinkName
        try JSONLinesSink.repairTornTail(path: path, sinkName: sinkName)
        fd = open(path, O_RDWR | O_CREAT | O_APPEND, 0o644)
        guard fd >= 0 else { throw SinkError(.io, sink: sinkName, "cannot open \(path): \(String(cString: strerror(errno)))") }
        struct Keys: Decodable { var id: String; var file: String?; var url: String? }
        let decoder = JSONDecoder()
        try forEachLine { line in
            if let k = try? decoder.decode(Keys.self, from: Data(line)) {
                known.ids.insert(k.id)
                for v in [k.file, k.url] { if let v { known.inputs.insert(v) } }
            }
        }
    }

    func keys() throws(SinkError) -> StoredKeys { known }

    func append(_ line: [UInt8], id: String, inputs: [String]) throws(SinkError) {
        guard !known.ids.contains(id) else { return }
        var bytes = line
        bytes.append(0x0A)
        let failure = JSONLinesSink.writeAll(fd, bytes)
        guard failure == 0 else { throw SinkError(.io, sink: sinkName, articleID: id, "write failed: \(String(cString: strerror(failure)))") }
        known.ids.insert(id)
        known.inputs.formUnion(inputs)
    }

    func sync() throws(SinkError) {
        guard fd >= 0, fsync(fd) == 0 else { if fd < 0 { return }; throw SinkError(.io, sink: sinkName, "fsync failed") }
    }

    func forEachLine(_ body: (ArraySlice<UInt8>) -> Void) throws(SinkError) {
        JSONLinesSink.forEachLine(path: path, body)
    }

    func close() {
        if fd >= 0 { _ = Foundation.close(fd) }
        fd = -1
    }

    deinit { close() }
}

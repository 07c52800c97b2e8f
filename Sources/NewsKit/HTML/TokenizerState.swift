/// The content states a tokenizer can be started in or switched to by a tree builder.
enum TokenizerState: UInt8, Sendable {
    case data, rcdata, rawtext, scriptData, plaintext, cdataSection
}

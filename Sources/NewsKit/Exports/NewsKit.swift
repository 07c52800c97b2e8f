// `import NewsKit` brings every layer: the HTML parser, the core (model, documents, Korean rules,
// extraction, adapters' contract, enrichment, pipeline, the JSON Lines / report / Markdown sinks),
// fetching over HTTP (libcurl), and the SQLite sink. A program that only reads saved pages can
// depend on `NewsKitCore` alone and link neither libcurl nor SQLite.
@_exported import NewsKitHTML
@_exported import NewsKitCore
@_exported import NewsKitFetching
@_exported import NewsKitSQLite

/// What kind of page an article was read from, as far as the extractor can tell.
public enum PageKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// An article page with its text.
    case article
    /// A page that states an article (a title, a date, authors) but whose text could not be
    /// found or is too short to be the story: a video page, a page rendered in the browser.
    case thin
    /// A front, section, search or list page: mostly links to other pages.
    case index
}

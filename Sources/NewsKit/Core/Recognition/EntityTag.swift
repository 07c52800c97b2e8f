/// The label of one character in a BIO tagging of named entities: outside any entity, or the
/// beginning or inside of a person, organization or place (KLUE-NER's `PS`, `OG`, `LC`).
package enum EntityTag: Int, Sendable, CaseIterable {
    case outside, beginPerson, insidePerson, beginOrganization, insideOrganization, beginPlace, insidePlace

    /// How many tags there are: the width of a weight row.
    package static let count = allCases.count

    /// The entity type the tag belongs to; nil for ``outside``.
    package var kind: Entity.Kind? {
        switch self {
        case .outside: nil
        case .beginPerson, .insidePerson: .person
        case .beginOrganization, .insideOrganization: .organization
        case .beginPlace, .insidePlace: .place
        }
    }

    /// Whether the tag opens an entity.
    package var isBegin: Bool { self == .beginPerson || self == .beginOrganization || self == .beginPlace }

    /// Whether `self` may follow `previous` (nil: the first character): an inside tag only
    /// continues an entity of its own type.
    package func canFollow(_ previous: EntityTag?) -> Bool {
        guard let kind, !isBegin else { return true }
        return previous?.kind == kind
    }

    /// The tag of a KLUE-NER label (`B-PS`, `I-OG`, `O`); dates, times and quantities (`DT`,
    /// `TI`, `QT`) and anything else are ``outside``.
    package init(klue label: Substring) {
        switch label {
        case "B-PS": self = .beginPerson
        case "I-PS": self = .insidePerson
        case "B-OG": self = .beginOrganization
        case "I-OG": self = .insideOrganization
        case "B-LC": self = .beginPlace
        case "I-LC": self = .insidePlace
        default: self = .outside
        }
    }

    /// The entities a tag sequence marks, as half-open ranges of positions; an inside tag with
    /// no beginning before it opens an entity of its own (a model never decodes one).
    package static func spans(_ tags: [EntityTag]) -> [TaggedSpan] {
        var out: [TaggedSpan] = []
        var open: (start: Int, kind: Entity.Kind)?
        for (i, t) in tags.enumerated() {
            if let o = open, t.isBegin || t.kind != o.kind {
                out.append(TaggedSpan(start: o.start, end: i, kind: o.kind))
                open = nil
            }
            if open == nil, let k = t.kind { open = (i, k) }
        }
        if let o = open { out.append(TaggedSpan(start: o.start, end: tags.count, kind: o.kind)) }
        return out
    }
}

import TarjumanCore

/// One thing done to a unit, as the document's activity list and the editor's notices show it.
struct ActivityJSON: Encodable {
    let unit: String
    /// Who did it: the reviewer of a review, else the translator.
    @Nullable var actor: String?
    let rendering: RenderingJSON

    init(_ entry: ActivityEntry) {
        unit = entry.unit.description
        actor = entry.actor
        rendering = RenderingJSON(entry.rendering)
    }
}

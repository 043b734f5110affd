/// The one definition of a unit's current rendering: its newest rendering (the highest id),
/// whatever its status. Older renderings are its history: shown by `show`, never matched,
/// checked or exported. Every reader of "current" goes through the `currentRendering` view.
enum CurrentRendering {
    /// The view's name: the rows of `rendering` that are current, one per rendered unit.
    static let view = "currentRendering"

    /// Creates the view (in a migration).
    static let createView = """
        CREATE VIEW currentRendering AS
        SELECT r.* FROM rendering r
        WHERE r.id = (SELECT max(n.id) FROM rendering n WHERE n.unitId = r.unitId)
        """

    /// A join that adds the current rendering `alias` of the unit `unit` (a unit alias), when it has one.
    static func leftJoin(_ alias: String, unit: String) -> String {
        "LEFT JOIN rendering \(alias) ON \(alias).id = (SELECT max(id) FROM rendering WHERE unitId = \(unit).id)"
    }

    /// A join that keeps only rendered units and adds their current rendering `alias`.
    static func join(_ alias: String, unit: String) -> String {
        "JOIN rendering \(alias) ON \(alias).id = (SELECT max(id) FROM rendering WHERE unitId = \(unit).id)"
    }

    /// The id of the current rendering of the unit `unit` (a unit alias), or NULL.
    static func id(unit: String) -> String {
        "(SELECT max(id) FROM rendering WHERE unitId = \(unit).id)"
    }
}

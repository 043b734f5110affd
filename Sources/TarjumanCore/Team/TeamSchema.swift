import GRDB

/// The tables of team work: accounts and their sessions, the review states of renderings, and
/// who a document is assigned to.
enum TeamSchema {
    static func migrate(_ db: Database) throws {
        // The statuses a rendering can have, as rows: a new status is a row, not a table rebuild.
        try db.create(table: "renderingStatus") { t in
            t.primaryKey("name", .text)
        }
        for status in ["draft", "translated", "approved", "rejected", "aligned"] {
            try db.execute(sql: "INSERT INTO renderingStatus (name) VALUES (?)", arguments: [status])
        }
        // The last rebuild: the CHECK on status becomes a reference to renderingStatus, and a
        // review's reviewer and comment get columns.
        try db.execute(sql: "DROP VIEW \(CurrentRendering.view)")
        try db.create(table: "newRendering") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("unitId", .integer).notNull().references("unit", onDelete: .cascade)
            t.column("text", .text).notNull()
            t.column("translator", .text)
            t.column("status", .text).notNull().references("renderingStatus")
            t.column("origin", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("note", .text)
            t.column("properties", .jsonText)
            t.column("reviewer", .text)
            t.column("comment", .text)
        }
        try db.execute(sql: """
            INSERT INTO newRendering (id, unitId, text, translator, status, origin, createdAt, note, properties)
            SELECT id, unitId, text, translator, status, origin, createdAt, note, properties FROM rendering
            """)
        try db.drop(table: "rendering")
        try db.rename(table: "newRendering", to: "rendering")
        try db.create(index: "rendering_on_unitId", on: "rendering", columns: ["unitId"])
        try db.execute(sql: CurrentRendering.createView)

        try db.create(table: "account") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull().unique().collate(.nocase)
            t.column("role", .text).notNull().check(sql: "role IN ('translator', 'reviewer', 'admin')")
            t.column("passwordHash", .text).notNull()
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(table: "accountSession") { t in
            t.primaryKey("tokenHash", .text)
            t.belongsTo("account", onDelete: .cascade).notNull()
            t.column("requestToken", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("expiresAt", .datetime).notNull()
        }
        try db.alter(table: "document") { t in
            t.add(column: "assigneeId", .integer).references("account", onDelete: .setNull)
        }
    }
}

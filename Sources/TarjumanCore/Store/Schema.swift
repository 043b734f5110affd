import GRDB

/// The database schema, as GRDB migrations. Never edit a shipped migration: add a new one.
enum Schema {
    /// Written into the SQLite header so a Tarjuman database can be told from any other ("TRJM").
    static let applicationID: Int32 = 0x5452_4A4D

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: documents, units, renderings") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.create(table: "document") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull()
                t.column("contentHash", .text).notNull().unique()
                t.column("importedAt", .datetime).notNull()
                t.column("text", .text).notNull()
            }
            try db.create(table: "unit") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("document", onDelete: .cascade).notNull()
                t.column("ordinal", .integer).notNull()
                t.column("paragraph", .integer).notNull()
                t.column("startOffset", .integer).notNull()
                t.column("endOffset", .integer).notNull()
                t.column("text", .text).notNull()
                t.column("searchKey", .text).notNull()
                t.uniqueKey(["documentId", "ordinal"])
            }
            try db.create(index: "unit_searchKey", on: "unit", columns: ["searchKey"])
            try db.create(table: "rendering") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("unit", onDelete: .cascade).notNull()
                t.column("text", .text).notNull()
                t.column("translator", .text)
                t.column("status", .text).notNull()
                    .check(sql: "status IN ('draft', 'approved')")
                t.column("origin", .text).notNull()
                t.column("createdAt", .datetime).notNull()
            }
        }
        migrator.registerMigration("v2: glossary terms") { db in
            try db.create(table: "term") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("arabic", .text).notNull()
                t.column("searchKey", .text).notNull()
                t.column("english", .text).notNull()
                t.column("alternatives", .jsonText).notNull()
                t.column("forbidden", .jsonText).notNull()
                t.column("note", .text).notNull().defaults(to: "")
                t.column("domain", .text).notNull().defaults(to: "")
                t.column("source", .text).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("updatedAt", .datetime).notNull()
                t.uniqueKey(["searchKey", "english", "domain"])
            }
            try db.create(index: "term_searchKey", on: "term", columns: ["searchKey"])
        }
        migrator.registerMigration("v3: translation memory index") { db in
            try db.drop(index: "unit_searchKey")
            try db.alter(table: "unit") { t in
                t.add(column: "keyHash", .integer).notNull().defaults(to: 0)
                t.add(column: "weight", .integer).notNull().defaults(to: 0)
            }
            try db.create(index: "unit_keyHash", on: "unit", columns: ["keyHash"])
            try db.create(table: "memoryToken") { t in
                t.primaryKey("id", .integer)
                t.column("frequency", .integer).notNull()
                t.column("chunks", .integer).notNull()
                t.column("word", .text)
            }
            try db.create(table: "memoryPosting") { t in
                t.primaryKey("id", .integer)
                t.column("entries", .blob).notNull()
            }
            try MemoryIndexWriter.indexExistingUnits(db)
        }
        migrator.registerMigration("v4: notes and properties of renderings") { db in
            try db.alter(table: "rendering") { t in
                t.add(column: "note", .text)
                t.add(column: "properties", .jsonText)
            }
        }
        migrator.registerMigration("v5: check settings and accepted findings") { db in
            try db.create(table: "checkSetting") { t in
                t.primaryKey("checkId", .text)
                t.column("enabled", .boolean).notNull()
            }
            try db.create(table: "acceptedFinding") { t in
                t.primaryKey("id", .text)
                t.column("checkId", .text).notNull()
                t.column("units", .text).notNull()
                t.column("message", .text).notNull()
                t.column("acceptedBy", .text)
                t.column("acceptedAt", .datetime).notNull()
            }
        }
        migrator.registerMigration("v6: aligned renderings") { db in
            // SQLite cannot change a CHECK constraint: the table is rebuilt with the new status.
            try db.create(table: "newRendering") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("unitId", .integer).notNull().references("unit", onDelete: .cascade)
                t.column("text", .text).notNull()
                t.column("translator", .text)
                t.column("status", .text).notNull()
                    .check(sql: "status IN ('draft', 'approved', 'aligned')")
                t.column("origin", .text).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("note", .text)
                t.column("properties", .jsonText)
            }
            try db.execute(sql: """
                INSERT INTO newRendering (id, unitId, text, translator, status, origin, createdAt, note, properties)
                SELECT id, unitId, text, translator, status, origin, createdAt, note, properties FROM rendering
                """)
            try db.drop(table: "rendering")
            try db.rename(table: "newRendering", to: "rendering")
            try db.create(index: "rendering_on_unitId", on: "rendering", columns: ["unitId"])
        }
        migrator.registerMigration("v7: memories apart from documents") { db in
            try db.create(table: "memory") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull().unique()
                t.column("penalty", .integer).notNull().defaults(to: 0)
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "memoryImport") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("memory", onDelete: .cascade).notNull()
                t.column("file", .text).notNull()
                t.column("importedAt", .datetime).notNull()
                t.column("read", .integer).notNull()
                t.column("added", .integer).notNull()
                t.column("merged", .integer).notNull()
            }
            try db.alter(table: "document") { t in
                t.add(column: "memoryId", .integer).references("memory", onDelete: .cascade)
            }
            try db.create(index: "document_memoryId", on: "document", columns: ["memoryId"])
            try db.execute(sql: CurrentRendering.createView)
            try MemoryUpgrade.separateMemories(db)
        }
        migrator.registerMigration("v8: word alignment model") { db in
            try db.create(table: "wordAlignmentModel") { t in
                t.primaryKey("id", .integer).check { $0 == 1 }
                t.column("trainedAt", .datetime).notNull()
                t.column("pairs", .integer).notNull()
                t.column("renderings", .integer).notNull()
                t.column("lastRendering", .integer).notNull()
                t.column("seconds", .double).notNull()
                t.column("tension", .double).notNull()
                t.column("nullProbability", .double).notNull()
            }
            try db.create(table: "wordAlignmentToken", options: .withoutRowID) { t in
                t.column("side", .integer).notNull()
                t.column("text", .text).notNull()
                t.column("id", .integer).notNull()
                t.column("frequency", .integer).notNull()
                t.column("row", .blob).notNull()
                t.primaryKey(["side", "text"])
            }
            try db.create(table: "wordAlignmentSplit", options: .withoutRowID) { t in
                t.primaryKey("word", .text)
                t.column("proclitics", .text).notNull()
                t.column("enclitic", .integer).notNull()
                t.column("tehMarbuta", .boolean).notNull()
                t.column("articleIsLam", .boolean).notNull()
            }
        }
        migrator.registerMigration("v9: formatted documents") { db in
            try db.create(table: "documentFile") { t in
                t.primaryKey("documentId", .integer).references("document", onDelete: .cascade)
                t.column("format", .text).notNull()
                t.column("bytes", .blob).notNull()
            }
            try db.alter(table: "unit") { t in
                t.add(column: "codes", .jsonText)
            }
        }
        migrator.registerMigration("v10: team accounts, sessions, review states, assignment") { db in
            try TeamSchema.migrate(db)
        }
        return migrator
    }
}

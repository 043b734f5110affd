/// One step of the alignment of a query with a memory source.
public enum TokenEdit: Sendable, Equatable {
    /// Query token `query` equals source token `source`.
    case same(query: Int, source: Int)
    /// The query has a token the source lacks.
    case added(query: Int)
    /// The source has a token the query lacks.
    case removed(source: Int)
    /// The query's token stands where the source has another.
    case changed(query: Int, source: Int)
}

/// Weighted edit distance between token sequences: inserting or deleting a token costs its
/// weight, replacing one by another costs the larger of the two weights.
public enum TokenEditDistance {
    /// The distance in half-units, or nil when it exceeds `limit`.
    public static func distance(_ query: [KeyToken], _ source: [KeyToken], limit: Int = .max) -> Int? {
        let columns = source.count
        var previous = [Int](repeating: 0, count: columns + 1)
        var current = [Int](repeating: 0, count: columns + 1)
        for column in 0 ..< columns { previous[column + 1] = previous[column] + source[column].kind.weight }
        if query.isEmpty { return previous[columns] <= limit ? previous[columns] : nil }
        for row in 0 ..< query.count {
            let token = query[row]
            let weight = token.kind.weight
            current[0] = previous[0] + weight
            var rowMinimum = current[0]
            for column in 0 ..< columns {
                let other = source[column]
                let replace = previous[column] + (token.hash == other.hash ? 0 : max(weight, other.kind.weight))
                let delete = previous[column + 1] + weight
                let insert = current[column] + other.kind.weight
                let best = min(replace, min(delete, insert))
                current[column + 1] = best
                if best < rowMinimum { rowMinimum = best }
            }
            if rowMinimum > limit { return nil }
            swap(&previous, &current)
        }
        return previous[columns] <= limit ? previous[columns] : nil
    }

    /// The distance and one cheapest alignment, in order.
    public static func alignment(_ query: [KeyToken], _ source: [KeyToken]) -> (distance: Int, edits: [TokenEdit]) {
        let rows = query.count, columns = source.count
        var cost = [Int](repeating: 0, count: (rows + 1) * (columns + 1))
        func at(_ row: Int, _ column: Int) -> Int { row * (columns + 1) + column }
        for row in 0 ..< rows { cost[at(row + 1, 0)] = cost[at(row, 0)] + query[row].kind.weight }
        for column in 0 ..< columns { cost[at(0, column + 1)] = cost[at(0, column)] + source[column].kind.weight }
        for row in 0 ..< rows {
            for column in 0 ..< columns {
                let a = query[row], b = source[column]
                let replace = cost[at(row, column)] + (a.hash == b.hash ? 0 : max(a.kind.weight, b.kind.weight))
                let delete = cost[at(row, column + 1)] + a.kind.weight
                let insert = cost[at(row + 1, column)] + b.kind.weight
                cost[at(row + 1, column + 1)] = min(replace, min(delete, insert))
            }
        }
        var edits: [TokenEdit] = []
        var row = rows, column = columns
        while row > 0 || column > 0 {
            let here = cost[at(row, column)]
            if row > 0, column > 0 {
                let a = query[row - 1], b = source[column - 1]
                let same = a.hash == b.hash
                if here == cost[at(row - 1, column - 1)] + (same ? 0 : max(a.kind.weight, b.kind.weight)) {
                    edits.append(same ? .same(query: row - 1, source: column - 1) : .changed(query: row - 1, source: column - 1))
                    row -= 1
                    column -= 1
                    continue
                }
            }
            if row > 0, here == cost[at(row - 1, column)] + query[row - 1].kind.weight {
                edits.append(.added(query: row - 1))
                row -= 1
            } else {
                edits.append(.removed(source: column - 1))
                column -= 1
            }
        }
        return (cost[at(rows, columns)], edits.reversed())
    }

    /// The fuzzy score from 0 to 100: 100 × (1 − distance / larger weight), rounded down; 100
    /// only when nothing differs.
    public static func score(distance: Int, queryWeight: Int, sourceWeight: Int) -> Int {
        let larger = max(queryWeight, sourceWeight)
        guard larger > 0 else { return 100 }
        if distance == 0 { return 100 }
        return min(99, (100 * (larger - distance)) / larger)
    }
}

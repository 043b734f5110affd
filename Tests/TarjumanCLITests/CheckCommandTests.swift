import Foundation
import Testing

@Suite("tarjuman check")
struct CheckCommandTests {
    @Test("check --help shows the options a run takes, not only the subcommands")
    func helpShowsRunOptions() throws {
        let help = try run(["check", "--help"], in: try freshDirectory())
        #expect(help.status == 0)
        for option in ["--document", "--only", "--skip", "--min-severity", "--json"] {
            #expect(help.stdout.contains(option), "\(option) is not in check --help")
        }
    }

    @Test("check reports findings grouped by check, exits 1 on errors, accepts findings and turns checks off")
    func check() throws {
        let directory = try freshDirectory()
        #expect(try run(["import", sample], in: directory).status == 0)
        #expect(try run(["render", "1.6", "It marked the 53rd anniversary."], in: directory).status == 0)
        for unit in 1 ... 12 where unit != 4 && unit != 6 {
            #expect(try run(["render", "1.\(unit)", "A rendering with its meaning."], in: directory).status == 0)
        }
        #expect(try run(["render", "1.4", "The prisoner has been on hunger strike for 17 days."], in: directory).status == 0)
        let result = try run(["check", "--only", "numbers,untranslated"], in: directory)
        #expect(result.status == 1)
        let output = lines(result.stdout)
        #expect(output.first == "numbers: 2 findings (numbers of the source missing from the English, or numbers in the English not in the source)")
        #expect(output.contains { $0.hasPrefix("  error [") && $0.hasSuffix("] 1.4: the number 173 of the source is not in the English") })
        #expect(output.last == "12 units checked: 1 error, 1 warning, 0 info")

        let json = try run(["check", "--only", "numbers", "--json"], in: directory)
        let findings = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [[String: Any]]
        #expect(findings.count == 2)
        #expect(findings[0]["check"] as? String == "numbers")
        #expect(findings[0]["severity"] as? String == "error")
        #expect(findings[0]["units"] as? [String] == ["1.4"])
        let id = findings[0]["id"] as! String

        let accepted = try run(["check", "accept", id], in: directory)
        #expect(accepted.status == 0)
        let after = try run(["check", "--only", "numbers"], in: directory)
        #expect(after.status == 0)
        #expect(lines(after.stdout).last == "12 units checked: 0 errors, 1 warning, 0 info; 1 accepted findings not shown")

        #expect(try run(["check", "settings", "--disable", "numbers,length-ratio"], in: directory).stdout.contains("numbers\toff"))
        let off = try run(["check", "--min-severity", "warning"], in: directory)
        #expect(!off.stdout.contains("numbers:"))

        let bad = try run(["check", "--only", "spelling"], in: directory)
        #expect(bad.status == 64)
        let unknown = try run(["check", "accept", "ffffffffffff"], in: directory)
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "Error: no current finding has the id ffffffffffff; 'tarjuman check' shows each finding's id in brackets.\n")
    }
}

import ArgumentParser
import Foundation

/// Asks before a command removes something.
enum Confirmation {
    /// Returns when `yes` was given or the user answers y on standard input; else exits with status 1.
    static func require(_ yes: Bool, _ question: String) throws {
        if yes { return }
        FileHandle.standardError.write(Data("\(question) [y/N] ".utf8))
        let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        guard answer == "y" || answer == "yes" else {
            Output.printError("nothing removed (give --yes to remove without asking)")
            throw ExitCode(1)
        }
    }
}

import ArgumentParser
import Foundation
import Glibc
import TarjumanCore

/// Where a new password comes from: one line of standard input, or typed twice at the terminal
/// without echo.
struct PasswordInput: ParsableArguments {
    @Flag(help: "Read the password from the first line of standard input (for scripts).")
    var passwordStdin = false

    /// The password, checked against `PasswordHash`'s rules.
    func read(for name: String) throws -> String {
        let password: String
        if passwordStdin {
            guard let line = readLine(strippingNewline: true) else {
                throw ValidationError("standard input is empty; give the password on its first line")
            }
            password = line.hasSuffix("\r") ? String(line.dropLast()) : line
        } else {
            guard isatty(STDIN_FILENO) == 1 else {
                throw ValidationError("standard input is not a terminal; pass --password-stdin and give the password on its first line")
            }
            let first = try Self.prompt("password for \(name): ")
            let second = try Self.prompt("again: ")
            guard first == second else { throw ValidationError("the two passwords differ; nothing was changed") }
            password = first
        }
        if let problem = PasswordHash.problem(with: password) { throw TarjumanError.invalidAccount(problem) }
        return password
    }

    /// The bcrypt cost: `$TARJUMAN_BCRYPT_COST` (4 to 31; tests use a low one), else the default.
    static var cost: Int {
        ProcessInfo.processInfo.environment["TARJUMAN_BCRYPT_COST"].flatMap(Int.init).map { min(max($0, 4), 31) }
            ?? PasswordHash.defaultCost
    }

    /// Reads a line from the terminal with echo off.
    static func prompt(_ text: String) throws -> String {
        FileHandle.standardError.write(Data(text.utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true) else { throw ValidationError("no password was typed") }
        return line
    }
}

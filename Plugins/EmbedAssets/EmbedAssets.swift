import Foundation
import PackagePlugin

/// Embeds the files of a target's `Assets/` folder in its code (see `embed-assets`), so that the
/// built binary carries them: the single-binary install keeps working on Linux, where SwiftPM
/// resources would need a bundle directory next to the executable.
@main
struct EmbedAssets: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = target.directoryURL.appending(path: "Assets")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path(percentEncoded: false))) ?? []
        let inputs = names.filter { $0.hasSuffix(".js") || $0.hasSuffix(".css") }.sorted().map { folder.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedAssets.swift")
        return [.buildCommand(
            displayName: "Embedding \(inputs.count) editor assets",
            executable: try context.tool(named: "embed-assets").url,
            arguments: [output.path(percentEncoded: false)] + inputs.map { $0.path(percentEncoded: false) },
            inputFiles: inputs,
            outputFiles: [output]
        )]
    }
}

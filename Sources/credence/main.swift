import CredenceCLI
import Foundation

exit(await CredenceCommand.run(Array(CommandLine.arguments.dropFirst())))

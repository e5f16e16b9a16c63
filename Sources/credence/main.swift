import CredenceCLI
import Foundation

CredenceCommand.bootstrapLogging()
exit(await CredenceCommand.run(Array(CommandLine.arguments.dropFirst())))

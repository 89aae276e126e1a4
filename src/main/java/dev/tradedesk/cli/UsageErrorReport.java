package dev.tradedesk.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Reports a usage error (an unknown or missing option, a bad value, a check a command makes
 * before any work) as one line with the message and one pointing at the command's help, on the
 * command's error stream, and returns picocli's usage exit code (2). Picocli's own report added
 * the whole usage, 20 lines and more, under which the message was lost; {@code --help} still
 * prints it. Where an unknown option or command resembles a known one, picocli's suggestions are
 * kept. Stateless and thread-safe.
 */
final class UsageErrorReport implements CommandLine.IParameterExceptionHandler {

    /** Picocli's message for a command that only groups others, given none of them. */
    private static final String MISSING_SUBCOMMAND = "Missing required subcommand";

    @Override
    public int handleParseException(CommandLine.ParameterException error, String[] args) {
        CommandLine command = error.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("tradedesk: " + message(error, command));
        CommandLine.UnmatchedArgumentException.printSuggestions(error, err);
        err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static String message(CommandLine.ParameterException error, CommandLine command) {
        String message = String.valueOf(error.getMessage());
        // The whole usage listed the subcommands; without it, this is the only place that names them.
        if (message.equals(MISSING_SUBCOMMAND) && !command.getSubcommands().isEmpty()) {
            return message + ": " + String.join(", ", command.getSubcommands().keySet());
        }
        return message;
    }
}

package dev.tradedesk.cli;

import picocli.CommandLine.Command;

/**
 * {@code tradedesk bench}: in-process benchmarks that print {@code key: value} lines, one
 * subcommand per area. The JMH suites (docs/PERFORMANCE.md) are the reference figures; these are
 * quick checks on the machine at hand.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Quick in-process benchmarks, printed as key: value lines.",
        subcommands = {BenchIndicatorsCommand.class})
final class BenchCommand {
}

/**
 * The {@code tradedesk} command line: picocli commands, one small class each, sharing the global
 * options and the application context.
 */
package dev.tradedesk.cli;

/**
 * The pure heart of TradeDesk: values, bar series on primitive ring buffers and the indicators.
 * Imports nothing but the JDK (no JavaFX, JDBC, HTTP, JSON or cache API), as {@code CorePurityTest}
 * enforces.
 */
package dev.tradedesk.core;

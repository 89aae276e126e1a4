/**
 * The launcher and the one composition root ({@link dev.tradedesk.app.TradeDesk}): paths, settings,
 * logging and the executors every other part runs on.
 */
package dev.tradedesk.app;

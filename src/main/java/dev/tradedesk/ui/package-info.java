/**
 * The JavaFX workstation: thin views over view models that run without a scene. The JavaFX thread
 * never waits on I/O or locks; market data reaches it coalesced, at most once per frame.
 */
package dev.tradedesk.ui;

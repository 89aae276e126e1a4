/**
 * Market data: providers over async OkHttp, the price scheduler and the built-in simulated exchange.
 */
package dev.tradedesk.feed;

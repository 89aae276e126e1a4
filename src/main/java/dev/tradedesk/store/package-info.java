/**
 * History: H2 behind HikariCP, schema by Flyway, the bar repository, the Ehcache read cache and
 * CSV import/export.
 */
package dev.tradedesk.store;

package dev.tradedesk.ui.chart;

/**
 * Which way a price moved against the one before it, as the last-price tag shows it: up, down, or
 * not at all (also where there is nothing to compare with).
 */
enum PriceChange {
    UP, DOWN, UNCHANGED;

    /** How {@code price} stands against {@code before}; NaN on either side is no change. */
    static PriceChange of(double price, double before) {
        if (price > before) {
            return UP;
        }
        return price < before ? DOWN : UNCHANGED;
    }
}

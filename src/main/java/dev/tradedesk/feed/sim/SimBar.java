package dev.tradedesk.feed.sim;

/**
 * A reusable holder for one simulated bar, so generating thousands of bars for a page allocates
 * nothing per bar. Confined to the thread that fills it.
 */
final class SimBar {
    long time;
    double open;
    double high;
    double low;
    double close;
    long volume;
    long trades;
    double vwap;

    /** Starts an aggregate with its first constituent. */
    void copyFrom(SimBar other) {
        time = other.time;
        open = other.open;
        high = other.high;
        low = other.low;
        close = other.close;
        volume = other.volume;
        trades = other.trades;
        vwap = other.vwap;
    }

    /** Extends an aggregate with the next constituent, in time order. */
    void merge(SimBar next) {
        high = Math.max(high, next.high);
        low = Math.min(low, next.low);
        close = next.close;
        long totalVolume = volume + next.volume;
        vwap = totalVolume == 0 ? vwap : (vwap * volume + next.vwap * next.volume) / totalVolume;
        volume = totalVolume;
        trades += next.trades;
    }
}

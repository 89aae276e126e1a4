package dev.tradedesk.feed.sim;

import java.util.Arrays;

/**
 * The deterministic price and volume model of one simulated symbol.
 *
 * <p>Minute log-prices follow a geometric Brownian motion with a very slow pull back to the base
 * price (so a long soak stays plausible), whose volatility switches between quiet, normal and wild
 * regimes every two hours. Within a minute the path is a Brownian bridge over 60 one-second steps
 * from the minute's open to its close, which gives the high and low and lets a forming bar be shown
 * at any second. Volume follows an intraday U-shape, scales with the regime and the move, and
 * carries noise. A small share of minutes has no trades and therefore no bar, as on a real feed.
 *
 * <p>Every random draw is a pure function of (seed, symbol, minute), so any bar can be recomputed
 * at any time and is identical every time: the simulator is its own ground truth. The only state
 * is a cache of log-prices every {@value #CHECKPOINT_EVERY} minutes, extended on demand. Thread-safe.
 */
final class SimSymbolModel {

    static final int SECONDS = 60;
    private static final int CHECKPOINT_EVERY = 64;
    private static final int REGIME_MINUTES = 120;
    private static final double NO_TRADE_PROBABILITY = 0.003;
    /** About 45% annualised at normal regime on a 24-hour market. */
    private static final double SIGMA_MINUTE = 0.0012;
    private static final double MEAN_REVERSION = 1e-5;
    private static final double SQRT_SECONDS = Math.sqrt(SECONDS);

    private static final long STREAM_RETURN = 1;
    private static final long STREAM_BRIDGE = 2;
    private static final long STREAM_REGIME = 3;
    private static final long STREAM_GAP = 4;
    private static final long STREAM_VOLUME = 5;

    private final long key;
    private final double logBase;
    private final double baseVolume;
    private final int anchorMinuteOfDay;
    private double[] checkpoints = new double[16];
    private int checkpointCount;

    /**
     * @param key               the symbol's random key (seed and symbol mixed)
     * @param anchorEpochMinute the epoch minute that is this model's minute 0
     */
    SimSymbolModel(long key, double basePrice, double baseVolume, long anchorEpochMinute) {
        this.key = key;
        this.logBase = Math.log(basePrice);
        this.baseVolume = baseVolume;
        this.anchorMinuteOfDay = (int) Math.floorMod(anchorEpochMinute, 1440L);
        checkpoints[0] = logBase;
        checkpointCount = 1;
    }

    /** Whether minute {@code m} (counted from the model's anchor) has any trade. */
    boolean hasTrades(long minute) {
        return minute >= 0 && SimRandom.uniform(key, STREAM_GAP, minute) >= NO_TRADE_PROBABILITY;
    }

    /**
     * Fills {@code out} with minute {@code m}'s bar as it stands {@code elapsedSeconds} into the
     * minute (60 or more: the closed bar). {@code out.time} is left to the caller.
     *
     * @return false if the minute has no trades
     */
    boolean minuteBar(long minute, double elapsedSeconds, SimBar out) {
        if (!hasTrades(minute)) {
            return false;
        }
        double open = logPriceAt(minute);
        fillBar(minute, open, next(open, minute), elapsedSeconds, out);
        return true;
    }

    /**
     * Fills {@code out} with the bar of a minute that has trades, given its open and close
     * log-prices (from {@link #logPriceAt} and {@link #next}), as it stands {@code elapsedSeconds}
     * into the minute. Sequential readers pass the previous close as the open and skip the
     * checkpoint walk.
     */
    void fillBar(long minute, double open, double close, double elapsedSeconds, SimBar out) {
        int last = (int) Math.max(0, Math.min(SECONDS, Math.floor(elapsedSeconds)));
        double sigmaSecond = sigmaAt(minute) / SQRT_SECONDS;
        double[] walk = new double[SECONDS + 1];
        for (int i = 1; i <= SECONDS; i++) {
            walk[i] = walk[i - 1] + sigmaSecond * SimRandom.gaussian(key, STREAM_BRIDGE, minute * SECONDS + i);
        }
        double drift = walk[SECONDS] - (close - open);
        double high = open;
        double low = open;
        double point = open;
        for (int i = 0; i <= last; i++) {
            point = open + walk[i] - drift * i / SECONDS;
            high = Math.max(high, point);
            low = Math.min(low, point);
        }
        out.open = roundPrice(Math.exp(open));
        out.high = roundPrice(Math.exp(high));
        out.low = roundPrice(Math.exp(low));
        out.close = roundPrice(Math.exp(point));
        long fullVolume = minuteVolume(minute, close - open);
        out.volume = last >= SECONDS ? fullVolume : fullVolume * last / SECONDS;
        out.trades = out.volume == 0 ? 0 : Math.max(1, out.volume / 90);
        out.vwap = Math.round((out.high + out.low + out.close) / 3 * 10_000) / 10_000.0;
    }

    /** Log-price at the start of minute {@code m}. */
    synchronized double logPriceAt(long minute) {
        int index = (int) (minute / CHECKPOINT_EVERY);
        while (checkpointCount <= index) {
            double price = checkpoints[checkpointCount - 1];
            long from = (long) (checkpointCount - 1) * CHECKPOINT_EVERY;
            for (long m = from; m < from + CHECKPOINT_EVERY; m++) {
                price = next(price, m);
            }
            if (checkpointCount == checkpoints.length) {
                checkpoints = Arrays.copyOf(checkpoints, checkpoints.length * 2);
            }
            checkpoints[checkpointCount++] = price;
        }
        double price = checkpoints[index];
        for (long m = (long) index * CHECKPOINT_EVERY; m < minute; m++) {
            price = next(price, m);
        }
        return price;
    }

    /** Log-price at the end of minute {@code m}, given the one at its start. */
    double next(double logPrice, long minute) {
        double sigma = sigmaAt(minute);
        return logPrice - MEAN_REVERSION * (logPrice - logBase) - 0.5 * sigma * sigma
                + sigma * SimRandom.gaussian(key, STREAM_RETURN, minute);
    }

    /** Quiet, normal or wild, switching every two hours. */
    double regimeFactor(long minute) {
        double u = SimRandom.uniform(key, STREAM_REGIME, Math.floorDiv(minute, REGIME_MINUTES));
        return u < 0.22 ? 0.35 : u < 0.80 ? 1.0 : 2.6;
    }

    private double sigmaAt(long minute) {
        return SIGMA_MINUTE * regimeFactor(minute);
    }

    private long minuteVolume(long minute, double logReturn) {
        double move = Math.abs(logReturn) / sigmaAt(minute);
        double noise = 0.6 + 0.8 * SimRandom.uniform(key, STREAM_VOLUME, minute);
        double volume = baseVolume * intradayFactor(minute) * Math.pow(regimeFactor(minute), 0.7)
                * (0.7 + 0.3 * move) * noise;
        return Math.max(1, Math.round(volume));
    }

    /**
     * A U-shaped day on UTC hours: busy around the New York open and close, quiet overnight. The
     * simulated market trades around the clock so that a demo moves at any hour.
     */
    private double intradayFactor(long minute) {
        double hour = Math.floorMod(minute + anchorMinuteOfDay, 1440) / 60.0;
        return 0.35 + 1.3 * bump(hour, 14.0, 1.0) + 1.0 * bump(hour, 20.5, 0.8) + 0.35 * bump(hour, 17.0, 2.5);
    }

    private static double bump(double hour, double centre, double width) {
        double d = (hour - centre) / width;
        return Math.exp(-d * d);
    }

    /** Cents above one dollar, hundredths of a cent below, never zero. */
    static double roundPrice(double price) {
        return price >= 1 ? Math.round(price * 100) / 100.0 : Math.max(0.0001, Math.round(price * 10_000) / 10_000.0);
    }
}

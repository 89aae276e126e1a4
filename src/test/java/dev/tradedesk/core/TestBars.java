package dev.tradedesk.core;

import java.util.SplittableRandom;

/**
 * Generated bar series for indicator tests: a multiplicative random walk with flat runs (identical
 * bars, often with zero volume, so RSI is constant and ATR decays), price gaps and volatility
 * bursts, at any price scale. Deterministic for a seed.
 */
final class TestBars {

    private TestBars() {
    }

    /** {@code count} valid bars starting near {@code startPrice}, one minute apart. */
    static BarColumns generate(long seed, int count, double startPrice, double volatility) {
        SplittableRandom random = new SplittableRandom(seed);
        BarColumns bars = new BarColumns(count);
        double close = startPrice;
        int flatLeft = 0;
        for (int i = 0; i < count; i++) {
            long time = 1_700_000_000_000L + i * 60_000L;
            if (flatLeft > 0) {
                flatLeft--;
                bars.add(time, close, close, close, close, random.nextInt(4) == 0 ? random.nextDouble(10) : 0);
                continue;
            }
            int event = random.nextInt(1000);
            if (event < 8) {
                flatLeft = 20 + random.nextInt(180);
            }
            double sigma = event < 30 ? volatility * 5 : volatility;
            double open = event < 40 ? close * (random.nextBoolean() ? 1.08 : 0.93) : close;
            close = open * Math.exp(sigma * gaussian(random));
            double high = Math.max(open, close) * (1 + Math.abs(sigma * gaussian(random)));
            double low = Math.min(open, close) * (1 - Math.min(0.5, Math.abs(sigma * gaussian(random))));
            double volume = random.nextInt(50) == 0 ? 0 : Math.exp(8 + 2 * gaussian(random));
            bars.add(time, open, high, low, close, volume);
        }
        return bars;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}

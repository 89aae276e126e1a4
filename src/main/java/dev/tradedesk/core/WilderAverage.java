package dev.tradedesk.core;

/**
 * Wilder's smoothed average of a stream: the mean of the first {@code n} inputs, then
 * {@code avg = (avg * (n - 1) + x) / n}. Undefined ({@code NaN}) for the first {@code n - 1} inputs;
 * {@link #warmUpLength()} is {@code n - 1}, the index of the first defined value.
 *
 * <p>{@link #push} commits an input; {@link #peek} returns what {@code push} would return for the
 * same input, bit for bit, without changing any state. Both are O(1) and allocate nothing. Column
 * loops ({@link RsiIndicator#pushAll}, {@link AtrIndicator#pushAll}) keep the average in a register
 * once it is {@link #seeded()}, step it with the same {@link #smooth} and hand it back with
 * {@link #resume}. Inputs must be finite. Not thread-safe.
 */
public final class WilderAverage {

    private final int period;
    private final double periodMinusOne;
    private final double periodAsDouble;
    /** Inputs seen until the seed is complete; then it stays at {@code n}. */
    private long count;
    private double seedSum;
    private double average = Double.NaN;

    /** @throws IllegalArgumentException when {@code period} is below 1 */
    public WilderAverage(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be at least 1, was " + period);
        }
        this.period = period;
        this.periodMinusOne = period - 1;
        this.periodAsDouble = period;
    }

    /** Commits {@code x} and returns the average including it. */
    public double push(double x) {
        if (count >= period) {
            // Seeded: only the average changes. The count stays put from here on (it only tells
            // warm-up from seeded), which saves the live path a store per input.
            return pushSeeded(x);
        }
        average = next(x);
        seedSum += x;
        count++;
        return average;
    }

    /** {@link #push} once {@link #seeded()}: one {@link #smooth} step, without the warm-up test. */
    double pushSeeded(double x) {
        double next = smooth(average, x, periodMinusOne, periodAsDouble);
        average = next;
        return next;
    }

    /** The value {@link #push} would return for {@code x}; changes nothing. */
    public double peek(double x) {
        return next(x);
    }

    /** The average after the last {@link #push}, {@code NaN} while warming up. */
    public double value() {
        return average;
    }

    public int warmUpLength() {
        return period - 1;
    }

    /** Whether the seed is complete, so every further input is one {@link #smooth} step. */
    boolean seeded() {
        return count >= period;
    }

    double periodMinusOne() {
        return periodMinusOne;
    }

    double periodAsDouble() {
        return periodAsDouble;
    }

    /** Takes back the average after {@code steps} {@link #smooth} steps run outside (only once seeded). */
    void resume(double average, int steps) {
        this.average = average;
        this.count = Math.min(period, count + steps);
    }

    /** One Wilder step, {@code (average * (n - 1) + x) / n}: the one formula push, peek and column loops share. */
    static double smooth(double average, double x, double periodMinusOne, double period) {
        return (average * periodMinusOne + x) / period;
    }

    private double next(double x) {
        if (count >= period) {
            return smooth(average, x, periodMinusOne, periodAsDouble);
        }
        if (count == period - 1) {
            return (seedSum + x) / period;
        }
        return Double.NaN;
    }
}

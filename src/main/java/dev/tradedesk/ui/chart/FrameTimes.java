package dev.tradedesk.ui.chart;

import java.util.Arrays;

/**
 * Durations of the last {@link #WINDOW} chart frames, measured with {@link System#nanoTime()}, and
 * their statistics (frame rate, median, 99th percentile, maximum) for the performance panel.
 *
 * <p>Not thread-safe: the chart records on the JavaFX thread, and the app reads there too.
 */
public final class FrameTimes {

    /** Frames kept for the statistics. */
    public static final int WINDOW = 1024;

    /** Statistics over the recorded window; times in milliseconds, NaN when nothing was recorded. */
    public record Statistics(int frames, double framesPerSecond, double medianMillis, double p99Millis,
            double maxMillis) {
    }

    private final long[] durations = new long[WINDOW];
    private final long[] ends = new long[WINDOW];
    private long recorded;

    /** Records one frame that took {@code durationNanos} and ended at {@code endNanos} (nanoTime). */
    public void record(long endNanos, long durationNanos) {
        int slot = (int) (recorded % WINDOW);
        durations[slot] = durationNanos;
        ends[slot] = endNanos;
        recorded++;
    }

    /** Frames recorded since creation or {@link #reset()}. */
    public long count() {
        return recorded;
    }

    /** The duration of the last frame in nanoseconds, 0 before the first. */
    public long lastNanos() {
        return recorded == 0 ? 0 : durations[(int) ((recorded - 1) % WINDOW)];
    }

    public void reset() {
        recorded = 0;
    }

    /** Statistics over the window; the frame rate counts frames per second between the first and last frame end. */
    public Statistics statistics() {
        int frames = (int) Math.min(recorded, WINDOW);
        if (frames == 0) {
            return new Statistics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = Arrays.copyOf(durations, frames);
        Arrays.sort(sorted);
        long newest = ends[(int) ((recorded - 1) % WINDOW)];
        long oldest = ends[(int) ((recorded - frames) % WINDOW)];
        double fps = frames > 1 && newest > oldest ? (frames - 1) * 1e9 / (newest - oldest) : Double.NaN;
        return new Statistics(frames, fps, millis(percentile(sorted, 0.50)), millis(percentile(sorted, 0.99)),
                millis(sorted[frames - 1]));
    }

    private static long percentile(long[] sorted, double share) {
        int rank = (int) Math.ceil(share * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}

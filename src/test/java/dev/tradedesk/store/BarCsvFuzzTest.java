package dev.tradedesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.SeriesKey;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.testing.FuzzRun;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutation fuzzing of the bar CSV reader: valid files damaged with random bytes, other
 * delimiters, 1 MB lines, a byte order mark, CRLF, quotes, huge and non-finite numbers, unicode
 * digits, cut lines and shuffled rows. Each file either fails as a whole with a
 * {@link BarCsvException} naming it, or yields only valid bars in strictly increasing time while
 * every other row is reported and counted. Well-formed files with known bad rows are checked
 * exactly, and every 200th case goes through a real import into H2 and is read back. See
 * {@link FuzzRun} for the seed.
 */
class BarCsvFuzzTest {

    static final int CASES = 5_000;
    private static final int IMPORTED_EVERY = 200;
    private static final long START = 1_709_301_600_000L;
    private static final SeriesKey KEY = new SeriesKey(Symbol.of("FUZZ"), Timeframe.ONE_MINUTE);

    @TempDir
    Path dir;

    /** One file's outcome: the bars read, the rows reported, or the failure. */
    private record Outcome(List<Bar> bars, long skipped, long reported, BarCsvException failure) {
    }

    @Test
    void everyDamagedFileFailsClearlyOrYieldsOnlyValidBars() {
        try (StoreFixture fixture = new StoreFixture(dir)) {
            FuzzRun run = new FuzzRun("bar CSV fuzz");
            int ran = run.run(CASES, (number, random, log) -> {
                boolean exact = random.nextInt(4) == 0;
                List<Bar> expected = new ArrayList<>();
                int[] badRows = {0};
                String text = validFile(random, expected, badRows);
                byte[] bytes = exact ? text.getBytes(StandardCharsets.UTF_8) : mutate(text, random, log);
                log.append(exact ? "well-formed" : "mutated").append(" file: ")
                        .append(FuzzRun.printable(new String(bytes, StandardCharsets.UTF_8))).append('\n');
                Outcome outcome = read(bytes);
                if (outcome.failure() != null) {
                    assertThat(exact).as("a well-formed file fails: " + outcome.failure()).isFalse();
                    assertThat(outcome.failure().getMessage()).startsWith("fuzz.csv, line ");
                } else {
                    assertSafe(outcome);
                    if (exact) {
                        assertThat(outcome.bars()).isEqualTo(expected);
                        assertThat(outcome.skipped()).isEqualTo(badRows[0]);
                    }
                }
                if (number % IMPORTED_EVERY == 0) {
                    importAndReadBack(fixture.store, bytes, outcome);
                }
            });
            assertThat(ran).isIn(1, CASES);
        }
    }

    @Test
    void numbersAreAcceptedExactlyAsTheDocumentedGrammarSays() {
        java.util.regex.Pattern grammar = java.util.regex.Pattern.compile(
                "[+-]?(?:NaN|Infinity|(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?)");
        String alphabet = "0123456789.+-eE NaIfity٣x";
        String[] seeds = {"NaN", "Infinity", "1e5", ".5", "5.", "-.5e-3"};
        new FuzzRun("CSV number grammar").run(10_000, (number, random, log) -> {
            StringBuilder text = new StringBuilder(random.nextInt(4) == 0 ? seeds[random.nextInt(seeds.length)] : "");
            for (int i = random.nextInt(7); i > 0; i--) {
                text.insert(random.nextInt(text.length() + 1), alphabet.charAt(random.nextInt(alphabet.length())));
            }
            log.append("number '").append(text).append("'");
            boolean accepted;
            try {
                BarCsvFormat.parseNumber(text.toString(), "open");
                accepted = true;
            } catch (IllegalArgumentException refused) {
                assertThat(refused).hasMessage("bad number '" + text + "' for open");
                accepted = false;
            }
            assertThat(accepted).isEqualTo(grammar.matcher(text).matches());
        });
    }

    @Test
    void aOneMegabyteLineIsRefusedWithoutBeingBufferedWhole() throws Exception {
        String file = "timestamp,open,high,low,close,volume\n1709301600000," + "9".repeat(1024 * 1024) + ",2,1,1.5,10\n";
        assertThat(read(file.getBytes(StandardCharsets.UTF_8)).failure()).hasMessage("fuzz.csv, line 2: the line is longer"
                + " than 10000 characters; a bar CSV row is far shorter, so this is not a bar CSV");
    }

    @Test
    void aQuoteLeftOpenOverManyShortLinesIsRefusedAfterABoundedRead() {
        long total = 64L * 1024 * 1024;
        long[] served = {0};
        char[] start = "timestamp,open,high,low,close,volume\n\"".toCharArray();
        Reader endless = new Reader() {
            @Override
            public int read(char[] buffer, int offset, int length) {
                int n = 0;
                for (; n < length && served[0] < total; n++, served[0]++) {
                    buffer[offset + n] = served[0] < start.length ? start[(int) served[0]] : served[0] % 3 == 0 ? '\n' : '1';
                }
                return n == 0 ? -1 : n;
            }

            @Override
            public void close() {
            }
        };
        assertThatThrownBy(() -> {
            try (BarCsvSource source = BarCsvSource.read(endless, "fuzz.csv", (line, reason) -> { })) {
                source.fill(new BarColumns(16), 16);
            }
        }).isInstanceOf(BarCsvException.class).hasMessageStartingWith("fuzz.csv, line ");
        assertThat(served[0]).as("characters read").isLessThan(total);
    }

    private static Outcome read(byte[] bytes) throws Exception {
        long[] reported = {0};
        List<Bar> bars = new ArrayList<>();
        try (BarCsvSource source = BarCsvSource.read(reader(bytes), "fuzz.csv", (line, reason) -> {
            assertThat(line).isPositive();
            assertThat(reason).isNotBlank();
            reported[0]++;
        })) {
            BarColumns chunk = new BarColumns(16);
            do {
                chunk.clear();
                source.fill(chunk, 16);
                for (int i = 0; i < chunk.size(); i++) {
                    bars.add(new Bar(chunk.time(i), chunk.open(i), chunk.high(i), chunk.low(i), chunk.close(i),
                            chunk.volume(i)));
                }
            } while (!chunk.isEmpty());
            assertThat(source.accepted()).isEqualTo(bars.size());
            return new Outcome(bars, source.skipped(), reported[0], null);
        } catch (BarCsvException failure) {
            return new Outcome(bars, 0, reported[0], failure);
        }
    }

    /** Decodes strictly, as {@link BarCsvSource#open} does: bytes that are not UTF-8 are an error, not replaced. */
    private static Reader reader(byte[] bytes) {
        return new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8.newDecoder());
    }

    private static void assertSafe(Outcome outcome) {
        assertThat(outcome.reported()).isEqualTo(outcome.skipped());
        long previous = Long.MIN_VALUE;
        for (Bar bar : outcome.bars()) {
            assertThat(Bar.defect(bar.open(), bar.high(), bar.low(), bar.close(), bar.volume())).as("%s", bar).isNull();
            assertThat(bar.time()).as("times strictly increase").isGreaterThan(previous);
            previous = bar.time();
        }
    }

    /** A real import: the store holds exactly the bars read, or nothing when the file failed. */
    private static void importAndReadBack(HistoryStore store, byte[] bytes, Outcome outcome) throws Exception {
        store.deleteSeries(KEY);
        try (BarCsvSource source = BarCsvSource.read(reader(bytes), "fuzz.csv", (line, reason) -> { })) {
            store.write(KEY, source);
            assertThat(outcome.failure()).as("the import succeeds where the read did").isNull();
        } catch (StoreException failed) {
            assertThat(failed.getCause()).isInstanceOf(BarCsvException.class);
            assertThat(outcome.failure()).isNotNull();
        } catch (BarCsvException headerFailure) {
            assertThat(outcome.failure()).isNotNull();
        }
        BarColumns stored = new BarColumns(16);
        store.readRange(KEY, Long.MIN_VALUE, Long.MAX_VALUE, stored);
        List<Bar> storedBars = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            storedBars.add(stored.bar(i));
        }
        assertThat(storedBars).isEqualTo(outcome.failure() == null ? outcome.bars() : List.of());
    }

    /** Header and up to 30 rows in several timestamp and number spellings; about one row in five is bad. */
    private static String validFile(Random random, List<Bar> expected, int[] badRows) {
        StringBuilder text = new StringBuilder(random.nextBoolean() ? "timestamp,open,high,low,close,volume\n"
                : " Timestamp , OPEN,high,low,close,volume\n");
        long time = START;
        int rows = random.nextInt(30);
        for (int i = 0; i < rows; i++) {
            time += 60_000L * (1 + random.nextInt(3));
            double mid = Math.exp(-9 + random.nextDouble() * 23);
            double low = mid * (1 - random.nextDouble() * 0.05);
            double high = mid * (1 + random.nextDouble() * 0.05);
            double open = Math.min(high, Math.max(low, low + (high - low) * random.nextDouble()));
            double close = Math.min(high, Math.max(low, low + (high - low) * random.nextDouble()));
            double volume = random.nextInt(1_000_000);
            String stamp = switch (random.nextInt(3)) {
                case 0 -> Long.toString(time);
                case 1 -> java.time.Instant.ofEpochMilli(time).toString();
                default -> java.time.Instant.ofEpochMilli(time).atOffset(java.time.ZoneOffset.ofHours(-5)).toString();
            };
            String[] fields = {stamp, number(open), number(high), number(low), number(close), number(volume)};
            if (random.nextInt(5) == 0) {
                badRows[0]++;
                switch (random.nextInt(7)) {
                    case 0 -> fields[2] = number(low / 2);
                    case 1 -> fields[1] = "-" + fields[1];
                    case 2 -> fields[4] = "NaN";
                    case 3 -> fields[3] = "1e400";
                    case 4 -> fields[5] = "ten";
                    case 5 -> fields[0] = "yesterday";
                    default -> fields[1] = "0";
                }
            } else {
                expected.add(new Bar(time, open, high, low, close, volume));
            }
            text.append(String.join(",", fields)).append(random.nextInt(4) == 0 ? "\r\n" : "\n");
            if (random.nextInt(10) == 0) {
                text.append("\n");
            }
        }
        return text.toString();
    }

    private static String number(double value) {
        return BarCsvFormat.formatNumber(value);
    }

    private static byte[] mutate(String text, Random random, StringBuilder log) {
        String mutated = text;
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            int kind = random.nextInt(13);
            int at = random.nextInt(mutated.length() + 1);
            log.append("mutation ").append(kind).append(" at ").append(at).append('\n');
            mutated = switch (kind) {
                case 0 -> mutated.replace(',', ";\t|".charAt(random.nextInt(3)));
                case 1 -> "\uFEFF" + mutated;
                case 2 -> mutated.replace("\n", random.nextBoolean() ? "\r\n" : "\r");
                case 3 -> mutated.substring(0, at) + "\"" + mutated.substring(at);
                case 4 -> mutated.substring(0, at) + "\"a,\"\"b\"\"\nc\"" + mutated.substring(at);
                case 5 -> mutated.substring(0, at) + pick(random, "1e308", "1e309", "-1e400", "9".repeat(400),
                        "0.0000000000000000000000001", "Infinity", "0x1p3", "1f", "１２", "٣") + mutated.substring(at);
                case 6 -> mutated.substring(0, at) + longLine(random) + mutated.substring(at);
                case 7 -> mutated.substring(0, at);
                case 8 -> mutated.substring(0, at) + randomText(random) + mutated.substring(at);
                case 9 -> shuffledRows(mutated, random);
                case 10 -> mutated.substring(0, at) + ",,,,,,,," + mutated.substring(at);
                case 11 -> mutated + mutated.substring(mutated.indexOf('\n') + 1);
                default -> mutated.substring(0, at) + "\u0000\u202e𝟘" + mutated.substring(at);
            };
        }
        byte[] bytes = mutated.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(10) == 0) {
            log.append("random bytes\n");
            for (int i = random.nextInt(5); i >= 0 && bytes.length > 0; i--) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
        }
        return bytes;
    }

    /** Mostly just over the line limit; now and then a full megabyte, with or without commas. */
    private static String longLine(Random random) {
        int length = random.nextInt(20) == 0 ? 1024 * 1024 : BarCsvFormat.MAX_LINE_CHARS + 1 + random.nextInt(100);
        String unit = random.nextBoolean() ? "9" : "1,";
        return unit.repeat(length / unit.length() + 1);
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(20); i >= 0; i--) {
            text.append((char) random.nextInt(0x3000));
        }
        return text.toString();
    }

    private static String shuffledRows(String text, Random random) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (lines.size() > 2) {
            java.util.Collections.shuffle(lines.subList(1, lines.size()), random);
        }
        return String.join("\n", lines);
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}

package dev.tradedesk.ui.settings;

import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.IndicatorPipeline;
import dev.tradedesk.core.Spaces;
import java.math.BigInteger;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the ten indicator fields' texts into {@link IndicatorParameters}, or into one message per
 * offending field. The rules are the record's own: a text that parses is handed to its constructor,
 * whose message names every problem and the fields each concerns; each problem is shown under
 * every field it names, in the dialog's words. Only the form of a number is checked here.
 * Stateless and thread-safe.
 */
final class IndicatorForm {

    /** The record's message: a prefix, then the problems separated by "; ". */
    private static final String PROBLEM_SEPARATOR = "; ";
    /** The record's closed range, "within [0, 100]". */
    private static final Pattern CLOSED_RANGE = Pattern.compile("(?:in|within) \\[([^,\\]]+), ([^\\]]+)\\]");
    /** The record's range open below, "in (0, 1]". */
    private static final Pattern OPEN_BELOW_RANGE = Pattern.compile("(?:in|within) \\(([^,\\]]+), ([^\\]]+)\\]");
    /** A whole number of four digits or more, not part of a decimal: "10000", not the "0001" of "0.0001". */
    private static final Pattern WHOLE_THOUSANDS = Pattern.compile("(?<![\\d.])\\d{4,}(?![\\d.])");

    private static final int DAY_MINUTES = 24 * 60;
    /** 9:30 to 16:00 in New York. */
    private static final int US_TRADING_DAY_MINUTES = 390;

    private IndicatorForm() {
    }

    /** The outcome of reading the form: parameters when every field is valid, otherwise the problems. */
    record Outcome(Optional<IndicatorParameters> parameters, Map<SettingsField, String> problems) {
    }

    /** The field's text for {@code parameters}: whole numbers as such, decimals without trailing zeros. */
    static String text(SettingsField field, IndicatorParameters parameters) {
        return NumberText.format(field.kind(), value(field, parameters));
    }

    /**
     * A note for periods whose warm-up is longer than a US stock market's day of minutes (390), or
     * empty: a new symbol's backfill brings two days of minutes, so with such periods the watchlist,
     * which computes over 1-minute bars, can stay blank for days without it.
     */
    static String warmUpNote(IndicatorParameters parameters) {
        int bars = new IndicatorPipeline(parameters).barsUntilAllDefined();
        if (bars <= US_TRADING_DAY_MINUTES) {
            return "";
        }
        return String.format(Locale.ROOT, "With these periods the indicators need %,d bars before all their values are"
                + " defined: %.1f days of 1-minute bars around the clock, %.1f days of US stock trading. Until the store"
                + " holds that much of a symbol's history, the watchlist and the chart leave those values blank; the chart"
                + " says what it lacks.", bars, bars / (double) DAY_MINUTES, bars / (double) US_TRADING_DAY_MINUTES);
    }

    static Outcome read(Function<SettingsField, String> texts) {
        Map<SettingsField, String> problems = new EnumMap<>(SettingsField.class);
        double[] values = new double[SettingsField.indicators().size()];
        for (int i = 0; i < values.length; i++) {
            SettingsField field = SettingsField.indicators().get(i);
            OptionalDouble parsed = NumberText.parse(field.kind(), texts.apply(field));
            if (parsed.isPresent()) {
                values[i] = parsed.getAsDouble();
            } else {
                // Any stand-in lets the record check the other fields; problems naming this one are dropped.
                values[i] = value(field, IndicatorParameters.DEFAULTS);
                problems.put(field, NumberText.formProblem(field.kind(), texts.apply(field)));
            }
        }
        try {
            IndicatorParameters parameters = construct(values);
            return problems.isEmpty() ? new Outcome(Optional.of(parameters), Map.of())
                    : new Outcome(Optional.empty(), problems);
        } catch (IllegalArgumentException invalid) {
            attribute(invalid.getMessage(), problems);
            for (int i = 0; i < values.length; i++) {
                SettingsField field = SettingsField.indicators().get(i);
                String typed = Spaces.trimmed(texts.apply(field));
                if (field.kind() == SettingsField.Kind.WHOLE_NUMBER && NumberText.beyondInt(typed)) {
                    // Read as the int's bound: say what was typed, not "was 2147483647".
                    String read = NumberText.format(field.kind(), values[i]);
                    problems.computeIfPresent(field,
                            (refused, problem) -> problem.replace("was " + grouped(read), "was " + grouped(typed)));
                }
            }
            return new Outcome(Optional.empty(), problems);
        }
    }

    /** {@code v} in the order of {@link SettingsField#indicators()}, which is the record's. */
    private static IndicatorParameters construct(double[] v) {
        return new IndicatorParameters((int) v[0], (int) v[1], (int) v[2], (int) v[3], (int) v[4], (int) v[5],
                v[6], v[7], v[8], (int) v[9]);
    }

    /** Splits the record's message into its problems and files each under every field it names. */
    private static void attribute(String message, Map<SettingsField, String> problems) {
        String list = message.substring(message.indexOf(':') + 1).strip();
        for (String problem : list.split(PROBLEM_SEPARATOR)) {
            List<SettingsField> named = SettingsField.indicators().stream()
                    .filter(field -> mentions(problem, field)).toList();
            if (named.stream().anyMatch(problems::containsKey)) {
                continue; // involves a field whose text is not a number: its stand-in value is not the user's
            }
            String shown = inDialogWords(problem, named);
            (named.isEmpty() ? SettingsField.indicators() : named).forEach(field -> problems.putIfAbsent(field, shown));
        }
    }

    private static boolean mentions(String problem, SettingsField field) {
        return Pattern.compile("\\b" + field.id() + "\\b").matcher(problem).find();
    }

    /**
     * The problem in the dialog's words: field names become labels and whole numbers lose their
     * ".0", so "baseLower (50.0) must be below baseUpper (40.0)" reads "Lower band base (50) must be
     * below upper band base (40)". Shown under the one field it names, "rsiPeriod must be between 1
     * and 10000, was 0" reads "Must be between 1 and 10,000, was 0". Ranges are said in words, as
     * the periods' and the simulator speed's are: "within [0, 100]" reads "between 0 and 100" and
     * "in (0, 1]" reads "above 0 and at most 1"; the brackets' meaning is a mathematician's.
     * Thousands are grouped as everywhere else in the window: "between 1 and 10,000, was 10,001".
     */
    private static String inDialogWords(String problem, List<SettingsField> named) {
        String shown = problem;
        if (named.size() == 1 && shown.startsWith(named.get(0).id() + " ")) {
            shown = shown.substring(named.get(0).id().length() + 1);
        }
        for (SettingsField field : SettingsField.indicators()) {
            Matcher matcher = Pattern.compile("\\b" + field.id() + "\\b").matcher(shown);
            shown = matcher.replaceAll(Matcher.quoteReplacement(midSentence(field.label())));
        }
        shown = CLOSED_RANGE.matcher(shown).replaceAll("between $1 and $2");
        shown = OPEN_BELOW_RANGE.matcher(shown).replaceAll("above $1 and at most $2");
        shown = shown.replaceAll("(\\d)\\.0\\b", "$1");
        shown = grouped(shown);
        return Character.toUpperCase(shown.charAt(0)) + shown.substring(1);
    }

    /** {@code text} with its whole numbers' thousands grouped: "10000" reads "10,000". */
    private static String grouped(String text) {
        return WHOLE_THOUSANDS.matcher(text).replaceAll(number -> String.format(Locale.ROOT, "%,d",
                new BigInteger(number.group())));
    }

    /** "Upper band base" reads "upper band base" inside a sentence; "RSI period" stays as it is. */
    private static String midSentence(String label) {
        boolean acronym = label.length() > 1 && !Character.isLowerCase(label.charAt(1));
        return acronym ? label : Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }

    private static double value(SettingsField field, IndicatorParameters p) {
        return switch (field) {
            case RSI_PERIOD -> p.rsiPeriod();
            case STOCH_PERIOD -> p.stochPeriod();
            case K_SMOOTHING -> p.kSmoothing();
            case D_SMOOTHING -> p.dSmoothing();
            case ATR_PERIOD -> p.atrPeriod();
            case ATR_MA_PERIOD -> p.atrMaPeriod();
            case BASE_LOWER -> p.baseLower();
            case BASE_UPPER -> p.baseUpper();
            case SENSITIVITY -> p.sensitivity();
            case VOLUME_PERIOD -> p.volumePeriod();
            default -> throw new IllegalArgumentException(field + " is not an indicator field");
        };
    }
}

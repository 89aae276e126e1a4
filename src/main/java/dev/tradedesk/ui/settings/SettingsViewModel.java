package dev.tradedesk.ui.settings;

import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.Secret;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.ui.Theme;
import dev.tradedesk.ui.watchlist.Watchlists;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The settings dialog's state, free of controls so it can be tested without a scene.
 *
 * <p>Typed fields are text properties ({@link #textProperty}), so half-typed input is kept and shown
 * as invalid rather than refused. Every change revalidates the whole form: each field's message
 * ({@link #messageProperty}, empty when the field is fine), each section's problem flag,
 * {@link #validProperty()} and {@link #result()}. The rules are those of the values themselves
 * ({@link dev.tradedesk.core.IndicatorParameters}, {@link dev.tradedesk.core.Symbol},
 * {@link SettingsValues}); this class only decides which field a message belongs under.
 *
 * <p>Indicator preview: when the ten indicator fields form valid parameters that differ from the
 * last ones handed over (at first: the initial ones), {@code indicatorPreview} receives them once
 * typing pauses ({@link QuietPeriod}), so a chart follows the edits live without recomputing for
 * every keystroke on the way (9, 99, 999 while 9999 is typed); {@link #previewNow()} (Enter, leaving
 * the field) and resetting to the defaults hand them over at once. Invalid input never reaches it,
 * and drops the valid value that was waiting. The theme is previewed as soon as it is chosen
 * ({@code themePreview}). {@link #cancel()} hands the initial parameters and theme back if anything
 * else was previewed; {@link #confirm()} drops a preview still waiting, as the values themselves
 * are applied.
 *
 * <p>Watchlists: the watchlist field edits the chosen provider's list. Choosing a provider that
 * lists other symbols (a crypto exchange after stocks) sets the text typed so far aside and shows
 * that provider's list; choosing the first again brings the text back. OK saves every list.
 *
 * <p>The credentials are held as text while the dialog is open; their properties' {@code toString}
 * masks them, and {@link SettingsValues#toString()} does too.
 *
 * <p>Confined to the JavaFX thread (or any one thread, in tests).
 */
public final class SettingsViewModel {

    private final SettingsValues initial;
    private final Consumer<IndicatorParameters> indicatorPreview;
    private final Consumer<Theme> themePreview;
    private final QuietPeriod typingPause;
    private final ObjectProperty<ProviderKind> provider;
    private final ObjectProperty<Timeframe> defaultTimeframe;
    private final ObjectProperty<Theme> theme;
    private final Map<SettingsField, StringProperty> texts = new EnumMap<>(SettingsField.class);
    private final Map<SettingsField, ReadOnlyStringWrapper> messages = new EnumMap<>(SettingsField.class);
    /** Watchlist texts of the providers not chosen, by {@link Watchlists#owner}, as the user left them. */
    private final Map<ProviderKind, String> watchlistsSetAside = new EnumMap<>(ProviderKind.class);
    private final Map<SettingsSection, ReadOnlyBooleanWrapper> sectionProblems = new EnumMap<>(SettingsSection.class);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyStringWrapper warmUpNote = new ReadOnlyStringWrapper(this, "warmUpNote", "");
    private SettingsValues current;
    private IndicatorParameters previewed;
    /** Valid parameters typed since the last preview, waiting for typing to pause; null when none. */
    private IndicatorParameters waiting;
    private Theme previewedTheme;
    private boolean resetting;

    /**
     * @param initial          what the form starts with (the current settings)
     * @param indicatorPreview told every new valid set of indicator parameters while the user edits,
     *                         once typing pauses; called on the thread that edits, so keep it quick
     * @param themePreview     told each theme the user picks, and the initial one again on cancel
     * @param typingPause      how a typed change waits for the typing to pause:
     *                         {@link QuietPeriod#typingPause()} in the app
     */
    public SettingsViewModel(SettingsValues initial, Consumer<IndicatorParameters> indicatorPreview,
            Consumer<Theme> themePreview, QuietPeriod typingPause) {
        this.initial = Objects.requireNonNull(initial, "initial");
        this.indicatorPreview = Objects.requireNonNull(indicatorPreview, "indicatorPreview");
        this.themePreview = Objects.requireNonNull(themePreview, "themePreview");
        this.typingPause = Objects.requireNonNull(typingPause, "typingPause");
        this.previewed = initial.indicators();
        this.previewedTheme = initial.theme();
        provider = new SimpleObjectProperty<>(this, "provider", initial.provider());
        defaultTimeframe = new SimpleObjectProperty<>(this, "defaultTimeframe", initial.defaultTimeframe());
        theme = new SimpleObjectProperty<>(this, "theme", initial.theme());
        for (SettingsField field : SettingsField.values()) {
            StringProperty text = isCredential(field) ? new MaskedStringProperty(this, field.id())
                    : new SimpleStringProperty(this, field.id());
            text.set(initialText(field));
            texts.put(field, text);
            messages.put(field, new ReadOnlyStringWrapper(this, field.id() + "Message", ""));
        }
        for (SettingsSection section : SettingsSection.values()) {
            sectionProblems.put(section, new ReadOnlyBooleanWrapper(this, section.name() + "HasProblems"));
        }
        revalidate();
        texts.values().forEach(text -> text.addListener((property, before, after) -> revalidate()));
        provider.addListener((property, before, after) -> {
            swapWatchlist(before, after);
            revalidate();
        });
        defaultTimeframe.addListener((property, before, after) -> revalidate());
        theme.addListener((property, before, after) -> {
            revalidate();
            previewTheme(after);
        });
    }

    public ObjectProperty<ProviderKind> providerProperty() {
        return provider;
    }

    public ObjectProperty<Timeframe> defaultTimeframeProperty() {
        return defaultTimeframe;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** The text the user edits for {@code field}; any text is accepted and validated. */
    public StringProperty textProperty(SettingsField field) {
        return texts.get(field);
    }

    /** Why {@code field}'s text is invalid, or empty when it is fine. */
    public ReadOnlyStringProperty messageProperty(SettingsField field) {
        return messages.get(field).getReadOnlyProperty();
    }

    /** True while any field of {@code section} is invalid. */
    public ReadOnlyBooleanProperty sectionHasProblemsProperty(SettingsSection section) {
        return sectionProblems.get(section).getReadOnlyProperty();
    }

    /** True when every field is valid, i.e. when {@link #result()} has a value. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /**
     * What valid indicator periods that take longer than a trading day to warm up mean for the values
     * shown ("The indicators need 3,021 bars ..."); empty for shorter ones and while a field is invalid.
     */
    public ReadOnlyStringProperty warmUpNoteProperty() {
        return warmUpNote.getReadOnlyProperty();
    }

    public boolean isValid() {
        return valid.get();
    }

    /** The edited settings, or empty while anything is invalid. */
    public Optional<SettingsValues> result() {
        return Optional.ofNullable(current);
    }

    /** The text {@code indicatorField} has by default, as shown next to it. */
    public static String indicatorDefault(SettingsField indicatorField) {
        return IndicatorForm.text(indicatorField, IndicatorParameters.DEFAULTS);
    }

    /** Puts the ten indicator fields back to their defaults at once (one revalidation, one preview, now). */
    public void resetIndicatorsToDefaults() {
        resetting = true;
        try {
            SettingsField.indicators().forEach(field -> texts.get(field).set(indicatorDefault(field)));
        } finally {
            resetting = false;
        }
        revalidate();
        previewNow();
    }

    /** Previews the valid parameters waiting for typing to pause, if any, without waiting (Enter, focus leaving a field). */
    public void previewNow() {
        typingPause.stop();
        IndicatorParameters parameters = waiting;
        waiting = null;
        if (parameters != null) {
            preview(parameters);
        }
    }

    /** The dialog was cancelled: the preview goes back to the initial parameters and theme if it had left them. */
    public void cancel() {
        dropWaitingPreview();
        preview(initial.indicators());
        previewTheme(initial.theme());
    }

    /** The dialog was confirmed: its values are applied as settings, so a preview still waiting is dropped. */
    public void confirm() {
        dropWaitingPreview();
    }

    private void swapWatchlist(ProviderKind before, ProviderKind after) {
        if (before == null || after == null || Watchlists.shared(before, after)) {
            return;
        }
        resetting = true;
        try {
            watchlistsSetAside.put(Watchlists.owner(before), text(SettingsField.WATCHLIST));
            String restored = watchlistsSetAside.remove(Watchlists.owner(after));
            texts.get(SettingsField.WATCHLIST).set(restored != null ? restored : WatchlistText.format(initial.watchlists().of(after)));
        } finally {
            resetting = false;
        }
    }

    /** Every provider's watchlist: the chosen one's from the field, the others' as set aside or as they were. */
    private Watchlists watchlists(WatchlistText.Parsed chosen, Map<SettingsField, String> problems) {
        Watchlists lists = initial.watchlists();
        for (Map.Entry<ProviderKind, String> setAside : watchlistsSetAside.entrySet()) {
            WatchlistText.Parsed parsed = WatchlistText.parse(setAside.getValue());
            if (parsed.problem().isPresent()) {
                problems.putIfAbsent(SettingsField.WATCHLIST, "The " + Watchlists.name(setAside.getKey())
                        + " watchlist has a problem (choose its provider again to fix it): " + parsed.problem().get());
            } else {
                lists = lists.with(setAside.getKey(), parsed.symbols());
            }
        }
        return provider.get() == null || chosen.problem().isPresent() ? lists : lists.with(provider.get(), chosen.symbols());
    }

    private void revalidate() {
        if (resetting) {
            return;
        }
        Map<SettingsField, String> problems = new EnumMap<>(SettingsField.class);
        SettingsValues.baseUrlProblem(text(SettingsField.ALPACA_BASE_URL))
                .ifPresent(problem -> problems.put(SettingsField.ALPACA_BASE_URL, problem));
        SettingsValues.feedProblem(text(SettingsField.ALPACA_FEED))
                .ifPresent(problem -> problems.put(SettingsField.ALPACA_FEED, problem));
        WatchlistText.Parsed watchlist = WatchlistText.parse(text(SettingsField.WATCHLIST));
        watchlist.problem().ifPresent(problem -> problems.put(SettingsField.WATCHLIST, problem));
        Watchlists watchlists = watchlists(watchlist, problems);
        SettingsValues.timeZoneProblem(text(SettingsField.TIME_ZONE))
                .ifPresent(problem -> problems.put(SettingsField.TIME_ZONE, problem));
        OptionalDouble speed = simulatorSpeed(problems);
        IndicatorForm.Outcome indicators = IndicatorForm.read(this::text);
        problems.putAll(indicators.problems());

        messages.forEach((field, message) -> message.set(problems.getOrDefault(field, "")));
        sectionProblems.forEach((section, flag) ->
                flag.set(problems.keySet().stream().anyMatch(field -> field.section() == section)));
        boolean choicesMade = provider.get() != null && defaultTimeframe.get() != null && theme.get() != null;
        current = problems.isEmpty() && choicesMade
                ? values(watchlists, speed.getAsDouble(), indicators.parameters().orElseThrow())
                : null;
        valid.set(current != null);
        indicators.parameters().ifPresentOrElse(this::previewWhenTypingPauses, this::dropWaitingPreview);
        warmUpNote.set(indicators.parameters().map(IndicatorForm::warmUpNote).orElse(""));
    }

    private OptionalDouble simulatorSpeed(Map<SettingsField, String> problems) {
        String text = text(SettingsField.SIMULATOR_SPEED);
        OptionalDouble speed = NumberText.parse(SettingsField.Kind.DECIMAL, text);
        if (speed.isEmpty()) {
            problems.put(SettingsField.SIMULATOR_SPEED, NumberText.formProblem(SettingsField.Kind.DECIMAL, text));
        } else {
            SettingsValues.simulatorSpeedProblem(speed.getAsDouble())
                    .ifPresent(problem -> problems.put(SettingsField.SIMULATOR_SPEED, problem));
        }
        return speed;
    }

    private SettingsValues values(Watchlists watchlists, double speed, IndicatorParameters indicators) {
        return new SettingsValues(provider.get(), Secret.of(text(SettingsField.ALPACA_KEY_ID)),
                Secret.of(text(SettingsField.ALPACA_SECRET_KEY)), text(SettingsField.ALPACA_BASE_URL),
                text(SettingsField.ALPACA_FEED), watchlists, defaultTimeframe.get(), indicators,
                theme.get(), text(SettingsField.TIME_ZONE), speed);
    }

    private void previewWhenTypingPauses(IndicatorParameters parameters) {
        if (parameters.equals(previewed)) {
            dropWaitingPreview(); // typed back to what the chart shows: nothing to recompute
        } else {
            waiting = parameters;
            typingPause.restart(this::previewNow);
        }
    }

    private void dropWaitingPreview() {
        typingPause.stop();
        waiting = null;
    }

    private void preview(IndicatorParameters parameters) {
        if (!parameters.equals(previewed)) {
            previewed = parameters;
            indicatorPreview.accept(parameters);
        }
    }

    private void previewTheme(Theme chosen) {
        if (chosen != null && chosen != previewedTheme) {
            previewedTheme = chosen;
            themePreview.accept(chosen);
        }
    }

    private String text(SettingsField field) {
        String text = texts.get(field).get();
        return text == null ? "" : text;
    }

    private String initialText(SettingsField field) {
        return switch (field) {
            case ALPACA_KEY_ID -> initial.alpacaKeyId().reveal();
            case ALPACA_SECRET_KEY -> initial.alpacaSecretKey().reveal();
            case ALPACA_BASE_URL -> initial.alpacaBaseUrl();
            case ALPACA_FEED -> initial.alpacaFeed();
            case WATCHLIST -> WatchlistText.format(initial.watchlist());
            case TIME_ZONE -> initial.timeZone();
            case SIMULATOR_SPEED -> NumberText.format(SettingsField.Kind.DECIMAL, initial.simulatorSpeed());
            default -> IndicatorForm.text(field, initial.indicators());
        };
    }

    private static boolean isCredential(SettingsField field) {
        return field == SettingsField.ALPACA_KEY_ID || field == SettingsField.ALPACA_SECRET_KEY;
    }

    /** A text property whose {@code toString} never shows its value, for credentials. */
    private static final class MaskedStringProperty extends SimpleStringProperty {
        MaskedStringProperty(Object bean, String name) {
            super(bean, name);
        }

        @Override
        public String toString() {
            String value = get();
            return "StringProperty [name: " + getName() + ", value: "
                    + (value == null || value.isEmpty() ? "<not set>" : "****") + "]";
        }
    }
}

package dev.tradedesk.ui.settings;

import java.util.Arrays;
import java.util.List;

/**
 * The settings dialog's typed fields: each has a text the user edits and a validation message
 * (empty when valid). Choices that cannot be wrong (provider, timeframe, theme) are not fields.
 * The ten indicator fields are named after the {@link dev.tradedesk.core.IndicatorParameters}
 * component they edit, so that record's messages can be matched to them.
 */
public enum SettingsField {
    ALPACA_KEY_ID(SettingsSection.PROVIDER, "alpacaKeyId", "Key id", Kind.TEXT),
    ALPACA_SECRET_KEY(SettingsSection.PROVIDER, "alpacaSecretKey", "Secret key", Kind.TEXT),
    ALPACA_BASE_URL(SettingsSection.PROVIDER, "alpacaBaseUrl", "Base URL", Kind.TEXT),
    ALPACA_FEED(SettingsSection.PROVIDER, "alpacaFeed", "Feed", Kind.TEXT),
    WATCHLIST(SettingsSection.WATCHLIST, "watchlist", "Symbols", Kind.TEXT),
    TIME_ZONE(SettingsSection.CHART, "timeZone", "Time zone", Kind.TEXT),
    RSI_PERIOD(SettingsSection.INDICATORS, "rsiPeriod", "RSI period", Kind.WHOLE_NUMBER),
    STOCH_PERIOD(SettingsSection.INDICATORS, "stochPeriod", "StochRSI period", Kind.WHOLE_NUMBER),
    K_SMOOTHING(SettingsSection.INDICATORS, "kSmoothing", "%K smoothing", Kind.WHOLE_NUMBER),
    D_SMOOTHING(SettingsSection.INDICATORS, "dSmoothing", "%D smoothing", Kind.WHOLE_NUMBER),
    ATR_PERIOD(SettingsSection.INDICATORS, "atrPeriod", "ATR period", Kind.WHOLE_NUMBER),
    ATR_MA_PERIOD(SettingsSection.INDICATORS, "atrMaPeriod", "ATR average period", Kind.WHOLE_NUMBER),
    BASE_LOWER(SettingsSection.INDICATORS, "baseLower", "Lower band base", Kind.DECIMAL),
    BASE_UPPER(SettingsSection.INDICATORS, "baseUpper", "Upper band base", Kind.DECIMAL),
    SENSITIVITY(SettingsSection.INDICATORS, "sensitivity", "Sensitivity", Kind.DECIMAL),
    VOLUME_PERIOD(SettingsSection.INDICATORS, "volumePeriod", "Volume average period", Kind.WHOLE_NUMBER),
    SIMULATOR_SPEED(SettingsSection.SIMULATOR, "simulatorSpeed", "Speed", Kind.DECIMAL);

    /** What a field's text must look like before its rules apply. */
    public enum Kind {
        TEXT, WHOLE_NUMBER, DECIMAL
    }

    private static final List<SettingsField> INDICATORS = Arrays.stream(values())
            .filter(field -> field.section == SettingsSection.INDICATORS).toList();

    private final SettingsSection section;
    private final String id;
    private final String label;
    private final Kind kind;

    SettingsField(SettingsSection section, String id, String label, Kind kind) {
        this.section = section;
        this.id = id;
        this.label = label;
        this.kind = kind;
    }

    public SettingsSection section() {
        return section;
    }

    /**
     * A stable camel-case name: the control's node id in the dialog and, for an indicator field,
     * the {@code IndicatorParameters} component it edits.
     */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    /** The ten indicator fields, in the order of {@code IndicatorParameters}' components. */
    public static List<SettingsField> indicators() {
        return INDICATORS;
    }
}

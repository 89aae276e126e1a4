package dev.tradedesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemLineTest {

    private static final List<SettingsField> BANDS = List.of(SettingsField.ATR_PERIOD, SettingsField.BASE_LOWER,
            SettingsField.BASE_UPPER, SettingsField.SENSITIVITY);

    @Test
    void aProblemIsNamedByItsFieldUnlessItNamesItItself() {
        assertThat(ProblemLine.named(SettingsField.RSI_PERIOD, "Must be between 1 and 10,000, was 0"))
                .isEqualTo("RSI period: Must be between 1 and 10,000, was 0");
        assertThat(ProblemLine.named(SettingsField.BASE_UPPER, "Lower band base (99) must be below upper band base (50)"))
                .isEqualTo("Lower band base (99) must be below upper band base (50)");
        assertThat(ProblemLine.named(SettingsField.TIME_ZONE, "Unknown time zone 'Mars/Base': use \"system\" or a zone id"))
                .isEqualTo("Unknown time zone 'Mars/Base': use \"system\" or a zone id");
    }

    @Test
    void theFieldLastEditedComesFirstAndAProblemOfTwoFieldsIsSaidOnce() {
        String crossed = "Lower band base (99) must be below upper band base (50)";
        Map<SettingsField, String> messages = Map.of(SettingsField.BASE_LOWER, crossed, SettingsField.BASE_UPPER, crossed,
                SettingsField.SENSITIVITY, "Enter a number");

        assertThat(ProblemLine.problems(BANDS, field -> messages.getOrDefault(field, ""), null))
                .containsExactly(crossed, "Sensitivity: Enter a number");
        assertThat(ProblemLine.problems(BANDS, field -> messages.getOrDefault(field, ""), SettingsField.SENSITIVITY))
                .containsExactly("Sensitivity: Enter a number", crossed);
        assertThat(ProblemLine.problems(BANDS, field -> messages.getOrDefault(field, ""), SettingsField.ATR_PERIOD))
                .as("a field without a problem edited last changes nothing").containsExactly(crossed, "Sensitivity: Enter a number");
    }

    @Test
    void aTabWithoutProblemsHasNothingToSay() {
        assertThat(ProblemLine.problems(BANDS, field -> "", SettingsField.BASE_LOWER)).isEmpty();
    }
}

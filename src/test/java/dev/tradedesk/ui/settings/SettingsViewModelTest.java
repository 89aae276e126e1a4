package dev.tradedesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.Secret;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.feed.alpaca.AlpacaBaseUrl;
import dev.tradedesk.ui.Theme;
import dev.tradedesk.ui.watchlist.Watchlists;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The settings form's rules, messages and preview, without a scene or a running toolkit. */
class SettingsViewModelTest {

    private static final IndicatorParameters CUSTOM = new IndicatorParameters(10, 12, 3, 3, 14, 20, 30, 90, 0.5, 20);
    private static final SettingsValues INITIAL = new SettingsValues(ProviderKind.ALPACA, Secret.of("PKKEYID"),
            Secret.of("s3cr3t-value"), AlpacaBaseUrl.DEFAULT, "iex",
            Watchlists.DEFAULTS.with(ProviderKind.ALPACA, List.of(Symbol.of("AAPL"), Symbol.of("MSFT"))), Timeframe.FIVE_MINUTES,
            CUSTOM, Theme.DARK,
            "America/New_York", 60);

    private final List<IndicatorParameters> previews = new ArrayList<>();
    private final List<Theme> themePreviews = new ArrayList<>();
    private final HandQuietPeriod typingPause = new HandQuietPeriod();
    private final SettingsViewModel model = new SettingsViewModel(INITIAL, previews::add, themePreviews::add, typingPause);

    private void type(SettingsField field, String text) {
        model.textProperty(field).set(text);
    }

    /** Types {@code text}, then pauses long enough for the preview. */
    private void typeAndPause(SettingsField field, String text) {
        type(field, text);
        typingPause.pass();
    }

    private String message(SettingsField field) {
        return model.messageProperty(field).get();
    }

    private List<SettingsField> fieldsWithMessages() {
        return Arrays.stream(SettingsField.values()).filter(field -> !message(field).isEmpty()).toList();
    }

    @Test
    void startsValidAndReturnsTheInitialValuesUnchanged() {
        assertThat(model.isValid()).isTrue();
        assertThat(model.result()).contains(INITIAL);
        assertThat(fieldsWithMessages()).isEmpty();
        assertThat(model.textProperty(SettingsField.BASE_LOWER).get()).isEqualTo("30");
        assertThat(model.textProperty(SettingsField.SENSITIVITY).get()).isEqualTo("0.5");
        assertThat(model.textProperty(SettingsField.WATCHLIST).get()).isEqualTo("AAPL\nMSFT");
        assertThat(previews).as("nothing changed yet").isEmpty();
    }

    @Test
    void aPeriodOutsideOneToTenThousandGetsTheParametersOwnMessage() {
        type(SettingsField.RSI_PERIOD, "0");
        assertThat(message(SettingsField.RSI_PERIOD)).isEqualTo("Must be between 1 and 10,000, was 0");
        assertThat(model.isValid()).isFalse();
        assertThat(model.result()).isEmpty();

        type(SettingsField.RSI_PERIOD, "10001");
        assertThat(message(SettingsField.RSI_PERIOD)).isEqualTo("Must be between 1 and 10,000, was 10,001");
        type(SettingsField.RSI_PERIOD, "99999999999");
        assertThat(message(SettingsField.RSI_PERIOD)).isEqualTo("Must be between 1 and 10,000, was 99,999,999,999");

        type(SettingsField.RSI_PERIOD, "10000");
        assertThat(message(SettingsField.RSI_PERIOD)).isEmpty();
        assertThat(model.result()).hasValueSatisfying(values -> assertThat(values.indicators().rsiPeriod()).isEqualTo(10000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"14.5", "abc", "1e2", "NaN"})
    void aPeriodThatIsNotAWholeNumberAsksForOne(String text) {
        type(SettingsField.ATR_MA_PERIOD, text);
        assertThat(message(SettingsField.ATR_MA_PERIOD)).isEqualTo("Enter a whole number");
        assertThat(fieldsWithMessages()).containsExactly(SettingsField.ATR_MA_PERIOD);
        assertThat(model.result()).isEmpty();
    }

    @Test
    void anEmptyFieldIsRequired() {
        type(SettingsField.VOLUME_PERIOD, "  ");
        assertThat(message(SettingsField.VOLUME_PERIOD)).isEqualTo("Required");
        assertThat(model.isValid()).isFalse();
    }

    @Test
    void sensitivityMustBeAboveZeroAndAtMostOne() {
        type(SettingsField.SENSITIVITY, "0");
        assertThat(message(SettingsField.SENSITIVITY)).isEqualTo("Must be above 0 and at most 1, was 0");
        type(SettingsField.SENSITIVITY, "1.01");
        assertThat(message(SettingsField.SENSITIVITY)).isEqualTo("Must be above 0 and at most 1, was 1.01");
        type(SettingsField.SENSITIVITY, "1");
        assertThat(message(SettingsField.SENSITIVITY)).isEmpty();
        type(SettingsField.SENSITIVITY, "0,25");
        assertThat(model.result()).hasValueSatisfying(values -> assertThat(values.indicators().sensitivity()).isEqualTo(0.25));
    }

    @Test
    void basesMustLieWithinZeroToHundred() {
        type(SettingsField.BASE_LOWER, "-1");
        type(SettingsField.BASE_UPPER, "100.5");
        assertThat(message(SettingsField.BASE_LOWER)).isEqualTo("Must be between 0 and 100, was -1");
        assertThat(message(SettingsField.BASE_UPPER)).isEqualTo("Must be between 0 and 100, was 100.5");
        assertThat(model.isValid()).isFalse();
    }

    @Test
    void aLowerBaseNotBelowTheUpperOneIsShownUnderBoth() {
        type(SettingsField.BASE_LOWER, "80");
        type(SettingsField.BASE_UPPER, "70");
        String expected = "Lower band base (80) must be below upper band base (70)";
        assertThat(message(SettingsField.BASE_LOWER)).isEqualTo(expected);
        assertThat(message(SettingsField.BASE_UPPER)).isEqualTo(expected);
        type(SettingsField.BASE_UPPER, "80");
        assertThat(model.isValid()).as("equal bases").isFalse();
        type(SettingsField.BASE_UPPER, "80.5");
        assertThat(fieldsWithMessages()).isEmpty();
    }

    @Test
    void aBaseThatIsNotANumberDoesNotBlameTheOtherBase() {
        type(SettingsField.BASE_LOWER, "abc");
        type(SettingsField.BASE_UPPER, "20"); // below the lower base's default, which stands in for "abc"
        assertThat(message(SettingsField.BASE_LOWER)).isEqualTo("Enter a number");
        assertThat(message(SettingsField.BASE_UPPER)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = SettingsField.class, names = {"RSI_PERIOD", "STOCH_PERIOD", "K_SMOOTHING", "D_SMOOTHING",
            "ATR_PERIOD", "ATR_MA_PERIOD", "BASE_LOWER", "BASE_UPPER", "SENSITIVITY", "VOLUME_PERIOD"})
    void everyIndicatorRuleIsReportedUnderItsOwnField(SettingsField field) {
        type(field, field == SettingsField.BASE_UPPER ? "101" : field == SettingsField.BASE_LOWER ? "-5" : "0");
        assertThat(fieldsWithMessages()).containsExactly(field);
        assertThat(message(field)).startsWith("Must be");
    }

    @Test
    void theWatchlistTakesLinesCommasAndSpacesAndKeepsRepeatsOnce() {
        type(SettingsField.WATCHLIST, " aapl, msft\nBTC-USD  msft,\n\nethusdt ");
        assertThat(message(SettingsField.WATCHLIST)).isEmpty();
        assertThat(model.result().orElseThrow().watchlist()).extracting(Symbol::value)
                .containsExactly("AAPL", "MSFT", "BTC-USD", "ETHUSDT");
        type(SettingsField.WATCHLIST, "");
        assertThat(model.result().orElseThrow().watchlist()).as("an empty watchlist is allowed").isEmpty();
    }

    @Test
    void aNoBreakSpaceSeparatesSymbolsInTheWatchlistAsASpaceDoes() {
        type(SettingsField.WATCHLIST, "\u00A0AAPL\u00A0MSFT\u202FNVDA,\u2007spy\u00A0");
        assertThat(message(SettingsField.WATCHLIST)).isEmpty();
        assertThat(model.result().orElseThrow().watchlist()).extracting(Symbol::value)
                .containsExactly("AAPL", "MSFT", "NVDA", "SPY");
    }

    @Test
    void aWatchlistWithInvalidSymbolsNamesThemWithTheSymbolRule() {
        type(SettingsField.WATCHLIST, "AAPL, BTC$USD\n../etc ok");
        assertThat(message(SettingsField.WATCHLIST))
                .startsWith("Invalid symbol 'BTC$USD': use 1 to 15 letters")
                .endsWith("(also invalid: ../etc)");
        assertThat(model.result()).isEmpty();
    }

    @Test
    void aWatchlistLongerThanFiveHundredSymbolsIsRefused() {
        type(SettingsField.WATCHLIST, IntStream.range(0, 501).mapToObj(i -> "S" + i).collect(Collectors.joining(",")));
        assertThat(message(SettingsField.WATCHLIST)).isEqualTo("The watchlist holds at most 500 symbols, this has 501");
        type(SettingsField.WATCHLIST, IntStream.range(0, 500).mapToObj(i -> "S" + i).collect(Collectors.joining(",")));
        assertThat(model.isValid()).isTrue();
    }

    @Test
    void theTimeZoneIsSystemOrAZoneId() {
        for (String valid : List.of("system", " SYSTEM ", "", "Europe/Berlin", "UTC", "+02:00")) {
            type(SettingsField.TIME_ZONE, valid);
            assertThat(message(SettingsField.TIME_ZONE)).as(valid).isEmpty();
        }
        type(SettingsField.TIME_ZONE, " system ");
        assertThat(model.result().orElseThrow().timeZone()).isEqualTo("system");
        for (String invalid : List.of("Mars/Olympus_Mons", "Europe/", "Europe/Atlantis")) {
            type(SettingsField.TIME_ZONE, invalid);
            assertThat(message(SettingsField.TIME_ZONE)).as(invalid)
                    .isEqualTo("Unknown time zone '" + invalid + "': use \"system\" or a zone id such as America/New_York");
        }
    }

    @Test
    void theAlpacaBaseUrlMustBeHttpOrHttpsWithAHost() {
        for (String invalid : List.of("ftp://data.alpaca.markets", "data.alpaca.markets", "https://", "http://bad host")) {
            type(SettingsField.ALPACA_BASE_URL, invalid);
            assertThat(message(SettingsField.ALPACA_BASE_URL)).as(invalid).startsWith("Enter an http(s) URL");
        }
        type(SettingsField.ALPACA_BASE_URL, "http://127.0.0.1:8080/");
        assertThat(message(SettingsField.ALPACA_BASE_URL)).isEmpty();
        type(SettingsField.ALPACA_FEED, "SIP");
        assertThat(model.result().orElseThrow().alpacaFeed()).isEqualTo("sip");
        type(SettingsField.ALPACA_FEED, "nasdaq");
        assertThat(message(SettingsField.ALPACA_FEED)).isEqualTo("Choose one of iex, sip, delayed_sip, otc");
    }

    @Test
    void aTimeZoneOrBaseUrlPastedWithNoBreakSpacesAroundItIsTakenWithoutThem() {
        type(SettingsField.TIME_ZONE, "\u00A0Europe/Paris\u202F");
        type(SettingsField.ALPACA_BASE_URL, "\u2007https://paper.example.com/\u00A0");

        assertThat(fieldsWithMessages()).isEmpty();
        SettingsValues values = model.result().orElseThrow();
        assertThat(values.timeZone()).isEqualTo("Europe/Paris");
        assertThat(values.alpacaBaseUrl()).isEqualTo("https://paper.example.com/");
        type(SettingsField.TIME_ZONE, "\u00A0");
        assertThat(model.result().orElseThrow().timeZone()).as("blank means the system's zone").isEqualTo("system");
    }

    @Test
    void theSimulatorSpeedIsAboveZeroAndAtMostTenThousand() {
        type(SettingsField.SIMULATOR_SPEED, "0");
        assertThat(message(SettingsField.SIMULATOR_SPEED)).as("thousands grouped, as the status bar's heap")
                .isEqualTo("Must be above 0 and at most 10,000");
        type(SettingsField.SIMULATOR_SPEED, "10000.5");
        assertThat(model.isValid()).isFalse();
        type(SettingsField.SIMULATOR_SPEED, "fast");
        assertThat(message(SettingsField.SIMULATOR_SPEED)).isEqualTo("Enter a number");
        type(SettingsField.SIMULATOR_SPEED, "0.5");
        assertThat(model.result().orElseThrow().simulatorSpeed()).isEqualTo(0.5);
    }

    @Test
    void aCommaGroupingThousandsIsRefusedNotReadAsADecimalComma() {
        type(SettingsField.SIMULATOR_SPEED, "10,000");
        assertThat(model.result()).as("not a speed of 10").isEmpty();
        assertThat(message(SettingsField.SIMULATOR_SPEED))
                .isEqualTo("Type 10000 or 10: a comma before three digits could group thousands or mark decimals");
        type(SettingsField.SIMULATOR_SPEED, "10000");
        assertThat(model.result().orElseThrow().simulatorSpeed()).isEqualTo(10_000);
        type(SettingsField.SIMULATOR_SPEED, "1,5");
        assertThat(model.result().orElseThrow().simulatorSpeed()).as("a decimal comma").isEqualTo(1.5);

        type(SettingsField.SENSITIVITY, "0,250");
        assertThat(model.result().orElseThrow().indicators().sensitivity()).as("no thousands start with 0").isEqualTo(0.25);
        type(SettingsField.BASE_LOWER, "1,000,000");
        assertThat(message(SettingsField.BASE_LOWER)).isEqualTo("Enter a number: 1000000, without the commas");
        type(SettingsField.RSI_PERIOD, "1,000");
        assertThat(message(SettingsField.RSI_PERIOD)).isEqualTo("Enter a whole number: 1000, without the comma");
    }

    @Test
    void noBreakSpacesAroundANumberAreTrimmedAsSpacesAre() {
        type(SettingsField.RSI_PERIOD, "\u00A021");
        type(SettingsField.SENSITIVITY, "0,5\u202F");
        type(SettingsField.SIMULATOR_SPEED, " \u202F60\u00A0 ");

        assertThat(fieldsWithMessages()).isEmpty();
        SettingsValues values = model.result().orElseThrow();
        assertThat(values.indicators().rsiPeriod()).isEqualTo(21);
        assertThat(values.indicators().sensitivity()).isEqualTo(0.5);
        assertThat(values.simulatorSpeed()).isEqualTo(60);

        type(SettingsField.RSI_PERIOD, "\u00A099999999999");
        assertThat(message(SettingsField.RSI_PERIOD)).isEqualTo("Must be between 1 and 10,000, was 99,999,999,999");
    }

    @Test
    void aSpaceGroupingThousandsIsRefusedWithTheNumberWrittenWithoutIt() {
        type(SettingsField.SIMULATOR_SPEED, "10\u202F000");
        assertThat(model.result()).isEmpty();
        assertThat(message(SettingsField.SIMULATOR_SPEED)).isEqualTo("Enter a number: 10000, without the space");
        type(SettingsField.SIMULATOR_SPEED, "1\u00A0000,5");
        assertThat(message(SettingsField.SIMULATOR_SPEED)).as("a French decimal comma after the group")
                .isEqualTo("Enter a number: 1000,5, without the space");
        type(SettingsField.RSI_PERIOD, "1\u00A0000");
        assertThat(message(SettingsField.RSI_PERIOD)).isEqualTo("Enter a whole number: 1000, without the space");
        type(SettingsField.BASE_LOWER, "1 000 000");
        assertThat(message(SettingsField.BASE_LOWER)).isEqualTo("Enter a number: 1000000, without the spaces");
        type(SettingsField.ATR_PERIOD, "1\u00A04");
        assertThat(message(SettingsField.ATR_PERIOD)).as("not a group of three: not a number")
                .isEqualTo("Enter a whole number");
    }

    @Test
    void choicesReachTheResult() {
        model.providerProperty().set(ProviderKind.COINBASE);
        model.defaultTimeframeProperty().set(Timeframe.ONE_HOUR);
        model.themeProperty().set(Theme.LIGHT);
        SettingsValues values = model.result().orElseThrow();
        assertThat(values.provider()).isEqualTo(ProviderKind.COINBASE);
        assertThat(values.defaultTimeframe()).isEqualTo(Timeframe.ONE_HOUR);
        assertThat(values.theme()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void sectionsHoldingAProblemAreFlagged() {
        type(SettingsField.ALPACA_BASE_URL, "nope");
        type(SettingsField.K_SMOOTHING, "0");
        assertThat(Arrays.stream(SettingsSection.values()).filter(section -> model.sectionHasProblemsProperty(section).get()))
                .containsExactly(SettingsSection.PROVIDER, SettingsSection.INDICATORS);
    }

    @Test
    void thePreviewGetsOnlyValidParametersAndOnlyWhenTheyChange() {
        typeAndPause(SettingsField.RSI_PERIOD, "15");
        typeAndPause(SettingsField.RSI_PERIOD, "");
        typeAndPause(SettingsField.RSI_PERIOD, "1x");
        typeAndPause(SettingsField.RSI_PERIOD, "15");   // valid again, but the same as the last preview
        typeAndPause(SettingsField.RSI_PERIOD, " 15 ");
        typeAndPause(SettingsField.SENSITIVITY, "0.50"); // the same number
        typeAndPause(SettingsField.RSI_PERIOD, "0");
        typeAndPause(SettingsField.WATCHLIST, "TSLA");   // not an indicator
        typeAndPause(SettingsField.RSI_PERIOD, "16");
        assertThat(previews).extracting(IndicatorParameters::rsiPeriod).containsExactly(15, 16);
    }

    @Test
    void aNumberTypedIsPreviewedOnceTypingPausesNotAtEachKeystroke() {
        type(SettingsField.RSI_PERIOD, "9");
        type(SettingsField.RSI_PERIOD, "99");
        type(SettingsField.RSI_PERIOD, "999");
        type(SettingsField.RSI_PERIOD, "9999");
        assertThat(previews).as("no recompute for 9, 99 and 999 on the way").isEmpty();

        typingPause.pass();
        assertThat(previews).extracting(IndicatorParameters::rsiPeriod).containsExactly(9999);
    }

    @Test
    void anInvalidValueDropsTheValidOneWaitingBeforeIt() {
        type(SettingsField.RSI_PERIOD, "9999");
        type(SettingsField.RSI_PERIOD, "99999");
        assertThat(typingPause.waiting()).as("9999 is not what the field says").isFalse();
        typingPause.pass();
        assertThat(previews).isEmpty();
    }

    @Test
    void typingBackToWhatThePreviewShowsLeavesNothingToRecompute() {
        type(SettingsField.RSI_PERIOD, "1");
        type(SettingsField.RSI_PERIOD, "10"); // the initial period again
        assertThat(typingPause.waiting()).isFalse();
        assertThat(previews).isEmpty();
    }

    @Test
    void enterOrLeavingTheFieldPreviewsWithoutWaitingForThePause() {
        type(SettingsField.RSI_PERIOD, "21");
        model.previewNow();
        assertThat(previews).extracting(IndicatorParameters::rsiPeriod).containsExactly(21);
        assertThat(typingPause.waiting()).isFalse();
        model.previewNow();
        assertThat(previews).as("nothing more was typed").hasSize(1);
    }

    @Test
    void indicatorsChangedWhileAnotherFieldIsInvalidAreStillPreviewed() {
        type(SettingsField.TIME_ZONE, "Nowhere/Land");
        typeAndPause(SettingsField.D_SMOOTHING, "5");
        assertThat(model.isValid()).isFalse();
        assertThat(previews).extracting(IndicatorParameters::dSmoothing).containsExactly(5);
    }

    @Test
    void resettingToDefaultsFillsTheDefaultsAndPreviewsThemOnceWithoutWaiting() {
        type(SettingsField.RSI_PERIOD, "abc");
        type(SettingsField.BASE_LOWER, "95");
        model.resetIndicatorsToDefaults();
        assertThat(previews).containsExactly(IndicatorParameters.DEFAULTS);
        assertThat(typingPause.waiting()).isFalse();
        assertThat(SettingsField.indicators()).allSatisfy(field ->
                assertThat(model.textProperty(field).get()).isEqualTo(SettingsViewModel.indicatorDefault(field)));
        assertThat(SettingsViewModel.indicatorDefault(SettingsField.SENSITIVITY)).isEqualTo("0.7");
        assertThat(model.isValid()).isTrue();
    }

    @Test
    void cancellingHandsTheInitialParametersBackOnlyIfThePreviewLeftThem() {
        model.cancel();
        assertThat(previews).isEmpty();
        typeAndPause(SettingsField.STOCH_PERIOD, "21");
        model.cancel();
        assertThat(previews).extracting(IndicatorParameters::stochPeriod).containsExactly(21, 12);
        assertThat(previews.get(1)).isEqualTo(CUSTOM);
    }

    @Test
    void aPreviewStillWaitingIsDroppedOnCancelAndOnOk() {
        type(SettingsField.STOCH_PERIOD, "21");
        model.cancel();
        typingPause.pass();
        assertThat(previews).as("cancelled before the chart left the initial values").isEmpty();

        type(SettingsField.STOCH_PERIOD, "22");
        model.confirm();
        typingPause.pass();
        assertThat(previews).as("OK applies 22 as a setting").isEmpty();
    }

    @Test
    void aThemeChosenIsPreviewedAtOnceAndCancelPutsTheFirstOneBack() {
        model.cancel();
        assertThat(themePreviews).as("never left").isEmpty();

        model.themeProperty().set(Theme.LIGHT);
        assertThat(themePreviews).containsExactly(Theme.LIGHT);
        model.themeProperty().set(Theme.LIGHT);
        model.cancel();
        assertThat(themePreviews).containsExactly(Theme.LIGHT, Theme.DARK);
    }

    @Test
    void okKeepsTheThemeChosen() {
        model.themeProperty().set(Theme.LIGHT);
        model.confirm();
        assertThat(themePreviews).containsExactly(Theme.LIGHT);
        assertThat(model.result()).hasValueSatisfying(values -> assertThat(values.theme()).isEqualTo(Theme.LIGHT));
    }

    @Test
    void credentialsAreEditableButNeverShownByToString() {
        type(SettingsField.ALPACA_SECRET_KEY, "  new-secret-value ");
        SettingsValues values = model.result().orElseThrow();
        assertThat(values.alpacaSecretKey().reveal()).isEqualTo("new-secret-value");
        assertThat(values.alpacaKeyId().reveal()).isEqualTo("PKKEYID");
        assertThat(values.toString()).doesNotContain("new-secret-value", "PKKEYID").contains("****");
        assertThat(model.textProperty(SettingsField.ALPACA_SECRET_KEY).toString()).doesNotContain("new-secret-value");
        assertThat(model.textProperty(SettingsField.ALPACA_KEY_ID).toString()).doesNotContain("PKKEYID");
        type(SettingsField.ALPACA_KEY_ID, "");
        assertThat(model.result().orElseThrow().alpacaKeyId().isPresent()).as("empty means from the environment").isFalse();
        type(SettingsField.ALPACA_KEY_ID, "\u00A0PKPASTED123\u202F");
        assertThat(model.result().orElseThrow().alpacaKeyId().reveal()).as("no-break spaces trimmed as spaces are")
                .isEqualTo("PKPASTED123");
    }

    @Test
    void aProviderOfOtherSymbolsShowsItsOwnWatchlistAndTheTextLeftBehindComesBack() {
        type(SettingsField.WATCHLIST, "AAPL, MSFT, TSLA");
        model.providerProperty().set(ProviderKind.BINANCE);
        assertThat(model.textProperty(SettingsField.WATCHLIST).get()).isEqualTo(WatchlistText.format(Watchlists.DEFAULTS.binance()));

        type(SettingsField.WATCHLIST, "BTCUSDT ETHUSDT");
        model.providerProperty().set(ProviderKind.SIM); // the simulator lists Alpaca's symbols: the same list
        assertThat(model.textProperty(SettingsField.WATCHLIST).get()).isEqualTo("AAPL, MSFT, TSLA");
        model.providerProperty().set(ProviderKind.ALPACA);
        assertThat(model.textProperty(SettingsField.WATCHLIST).get()).isEqualTo("AAPL, MSFT, TSLA");

        SettingsValues result = model.result().orElseThrow();
        assertThat(result.watchlist()).containsExactly(Symbol.of("AAPL"), Symbol.of("MSFT"), Symbol.of("TSLA"));
        assertThat(result.watchlists().binance()).containsExactly(Symbol.of("BTCUSDT"), Symbol.of("ETHUSDT"));
        assertThat(result.watchlists().coinbase()).isEqualTo(Watchlists.DEFAULTS.coinbase());
    }

    @Test
    void anInvalidWatchlistLeftUnderAnotherProviderKeepsTheFormInvalidAndSaysWhich() {
        type(SettingsField.WATCHLIST, "AAPL, AB$C");
        model.providerProperty().set(ProviderKind.COINBASE);

        assertThat(model.isValid()).isFalse();
        assertThat(model.messageProperty(SettingsField.WATCHLIST).get())
                .startsWith("The stocks watchlist has a problem (choose its provider again to fix it): ")
                .contains("AB$C");

        model.providerProperty().set(ProviderKind.ALPACA);
        type(SettingsField.WATCHLIST, "AAPL");
        assertThat(model.isValid()).isTrue();
    }

    @Test
    void periodsThatTakeLongerThanATradingDayToWarmUpSayWhatTheyNeed() {
        assertThat(model.warmUpNoteProperty().get()).as("the usual periods").isEmpty();

        type(SettingsField.RSI_PERIOD, "3000");
        // The first RSI at index 3,000, the first of a 12-value window at 3,011, then two 3-value averages: %D at 3,015.
        assertThat(model.warmUpNoteProperty().get()).isEqualTo("With these periods the indicators need 3,016 bars before"
                + " all their values are defined: 2.1 days of 1-minute bars around the clock, 7.7 days of US stock"
                + " trading. Until the store holds that much of a symbol's history, the watchlist and the chart leave"
                + " those values blank; the chart says what it lacks.");

        type(SettingsField.STOCH_PERIOD, "0");
        assertThat(model.warmUpNoteProperty().get()).as("no note on parameters that are refused").isEmpty();
        type(SettingsField.STOCH_PERIOD, "12");
        type(SettingsField.RSI_PERIOD, "300");
        assertThat(model.warmUpNoteProperty().get()).as("within a day of trading").isEmpty();
    }
}

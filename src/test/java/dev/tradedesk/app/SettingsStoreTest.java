package dev.tradedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradedesk.core.IndicatorParameters;
import dev.tradedesk.core.Secret;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.core.Timeframe;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.ui.Theme;
import dev.tradedesk.ui.watchlist.Watchlists;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path dir;

    private SettingsStore storeWith(String json) throws IOException {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return new SettingsStore(file);
    }

    @Test
    void missingFileMeansDefaults() {
        SettingsLoad load = new SettingsStore(dir.resolve("absent.json")).load();
        assertThat(load.status()).isEqualTo(SettingsLoad.Status.MISSING);
        assertThat(load.settings()).isEqualTo(Settings.DEFAULTS);
        assertThat(load.canSave()).isTrue();
    }

    @Test
    void defaultsAreDocumentedValues() {
        Settings defaults = Settings.DEFAULTS;
        assertThat(defaults.watchlist()).hasSize(8).first().isEqualTo(Symbol.of("AAPL"));
        assertThat(defaults.timeframe()).isEqualTo(Timeframe.ONE_MINUTE);
        assertThat(defaults.provider()).isEqualTo(ProviderKind.SIM);
        assertThat(defaults.indicators()).isEqualTo(IndicatorParameters.DEFAULTS);
        assertThat(defaults.theme()).isEqualTo(Theme.LIGHT);
        assertThat(defaults.alpaca().baseUrl()).isEqualTo("https://data.alpaca.markets");
    }

    @Test
    void partialFileKeepsDefaultsForEverythingElse() throws IOException {
        SettingsLoad load = storeWith("""
                {"theme": "dark", "indicators": {"rsiPeriod": 21}, "watchlist": ["btc-usd", "ETHUSDT"]}
                """).load();
        assertThat(load.status()).isEqualTo(SettingsLoad.Status.LOADED);
        Settings settings = load.settings();
        assertThat(settings.theme()).isEqualTo(Theme.DARK);
        assertThat(settings.indicators().rsiPeriod()).isEqualTo(21);
        assertThat(settings.indicators().atrMaPeriod()).isEqualTo(20);
        assertThat(settings.watchlist()).containsExactly(Symbol.of("BTC-USD"), Symbol.of("ETHUSDT"));
        assertThat(settings.timeframe()).isEqualTo(Timeframe.ONE_MINUTE);
    }

    @Test
    void brokenJsonIsReportedWithLineAndColumnAndTheFileIsKept() throws IOException {
        String text = "{\n  \"theme\": \"dark\",\n  \"timeframe\": \"5Min\"\n  \"provider\": \"sim\"\n}\n";
        SettingsStore store = storeWith(text);
        SettingsLoad load = store.load();
        assertThat(load.status()).isEqualTo(SettingsLoad.Status.BROKEN);
        assertThat(load.settings()).isEqualTo(Settings.DEFAULTS);
        assertThat(load.problem()).contains("line 4, column 3").contains("not valid JSON")
                .contains(store.file().toString()).contains("left unchanged");
        assertThat(load.canSave()).isFalse();
        assertThat(Files.readString(store.file())).isEqualTo(text);
    }

    @Test
    void aSettingGivenTwiceIsRefusedAtItsSecondOccurrenceAndTheFileIsKept() throws IOException {
        String text = "{\"theme\": \"dark\", \"timeframe\": \"5Min\", \"theme\": \"blue\"}";
        SettingsStore store = storeWith(text);
        SettingsLoad load = store.load();

        assertThat(load.status()).isEqualTo(SettingsLoad.Status.BROKEN);
        assertThat(load.settings()).isEqualTo(Settings.DEFAULTS);
        assertThat(load.problem()).contains("has a problem at line 1, column 40 (theme): the setting is given twice"
                + " (first at line 1, column 2); keep the value you mean and delete the other")
                .contains("left unchanged");
        assertThat(load.canSave()).isFalse();
        assertThat(Files.readString(store.file())).isEqualTo(text);
        assertThat(storeWith("{\n \"alpaca\": {\n  \"feed\": \"iex\",\n  \"feed\" : \"sip\"\n }\n}").load().problem())
                .as("within an object, valid values both")
                .contains("line 4, column 3 (alpaca.feed): the setting is given twice (first at line 3, column 3)");
        assertThat(storeWith("{\"\\u001b[31mx\": 1, \"\\u001b[31mx\": 2}").load().problem())
                .as("a key given twice is named escaped")
                .contains("(\\u001b[31mx): the setting is given twice").doesNotContain("\u001b");
        assertThat(storeWith("{\"indicators\": {\"rsiPeriod\": 14}, \"alpaca\": {\"rsiPeriod\": 14}}").load().status())
                .as("the same name in two objects is no repeat").isEqualTo(SettingsLoad.Status.LOADED);
    }

    @Test
    void aSecretPastedWithoutQuotesIsNotRepeatedInTheProblem() throws IOException {
        String text = "{\"alpaca\": {\"keyId\": \"PKTESTKEY1234567\", \"secretKey\": SUPERSECRETVALUE987654321}}";
        SettingsLoad load = storeWith(text).load();

        assertThat(load.status()).isEqualTo(SettingsLoad.Status.BROKEN);
        assertThat(load.problem()).contains("line 1, column", "not valid JSON", "Unrecognized token '…'")
                .doesNotContain("SUPERSECRET");
        assertThat(SettingsStore.withoutInputText("was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"))
                .isEqualTo("was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
    }

    @Test
    void invalidValueIsReportedWithItsLocationAndPath() throws IOException {
        SettingsLoad load = storeWith("{\n  \"indicators\": {\n    \"rsiPeriod\": 14,\n    \"sensitivity\": 1.5\n  }\n}").load();
        assertThat(load.status()).isEqualTo(SettingsLoad.Status.BROKEN);
        assertThat(load.problem()).contains("line 4, column 20").contains("(indicators.sensitivity)")
                .contains("sensitivity must be in (0, 1], was 1.5");
    }

    @Test
    void anEscapeSequenceInAValueIsShownAsItsCodeNotPassedToTheTerminal() throws IOException {
        SettingsLoad load = storeWith("{\"theme\": \"\\u001b[2Jdark\"}").load();
        assertThat(load.status()).isEqualTo(SettingsLoad.Status.BROKEN);
        assertThat(load.problem()).contains("unknown theme '\\u001b[2Jdark'").doesNotContain("\u001b");
    }

    @Test
    void wrongTypeIsReportedAtTheValue() throws IOException {
        SettingsLoad load = storeWith("{\"theme\": \"light\",\n \"indicators\": {\"rsiPeriod\": \"fourteen\"}}").load();
        assertThat(load.problem()).contains("line 2, column 30").contains("(indicators.rsiPeriod)")
                .contains("expected a whole number");
    }

    @Test
    void badSymbolIsReportedWithItsIndex() throws IOException {
        SettingsLoad load = storeWith("{\"watchlists\": {\"binance\": [\"BTCUSDT\", \"ETHUSDT\",\n  \"DROP TABLE\"]}}").load();
        assertThat(load.problem()).contains("line 2, column 3").contains("(watchlists.binance[2])")
                .contains("invalid symbol 'DROP TABLE'");
    }

    @Test
    void theSingleWatchlistOfAnOlderFileBecomesTheListOfItsProvider() throws IOException {
        SettingsLoad stocks = storeWith("{\"watchlist\": [\"SPY\", \"QQQ\"]}").load();
        assertThat(stocks.problem()).isEmpty();
        assertThat(stocks.warnings()).isEmpty();
        assertThat(stocks.settings().watchlist()).containsExactly(Symbol.of("SPY"), Symbol.of("QQQ"));
        assertThat(stocks.settings().watchlists().binance()).isEqualTo(Watchlists.DEFAULTS.binance());

        SettingsLoad crypto = storeWith("{\"provider\": \"coinbase\", \"watchlist\": [\"BTC-USD\"]}").load();
        assertThat(crypto.settings().watchlist()).containsExactly(Symbol.of("BTC-USD"));
        assertThat(crypto.settings().watchlists().stocks()).isEqualTo(Watchlists.DEFAULTS.stocks());

        SettingsLoad bad = storeWith("{\"provider\": \"alpaca\",\n \"watchlist\": [\"AAPL\",\n  \"DROP TABLE\"]}").load();
        assertThat(bad.problem()).contains("line 3, column 3").contains("(watchlist[1])").contains("invalid symbol 'DROP TABLE'");

        SettingsLoad notAList = storeWith("{\"watchlist\": \"AAPL\"}").load();
        assertThat(notAList.status()).isEqualTo(SettingsLoad.Status.BROKEN);
        assertThat(notAList.problem()).contains("line 1, column 15").contains("(watchlist)");

        SettingsLoad both = storeWith("{\"watchlist\": [\"QQQ\"], \"watchlists\": {\"stocks\": [\"DIA\"]}}").load();
        assertThat(both.settings().watchlist()).as("the newer key wins").containsExactly(Symbol.of("DIA"));
        assertThat(storeWith("{\"watchlist\": null}").load().settings()).isEqualTo(Settings.DEFAULTS);
    }

    @Test
    void unknownValuesOfEnumsNameTheValidChoices() throws IOException {
        assertThat(storeWith("{\"timeframe\": \"2Min\"}").load().problem())
                .contains("unknown timeframe '2Min': use one of 1Min, 5Min, 15Min, 1Hour, 1Day");
        assertThat(storeWith("{\"theme\": \"blue\"}").load().problem()).contains("unknown theme 'blue'");
        assertThat(storeWith("{\"provider\": \"kraken\"}").load().problem()).contains("unknown provider 'kraken'");
        assertThat(storeWith("{\"alpaca\": {\"feed\": \"nasdaq\"}}").load().problem())
                .as("in the settings dialog's order, the same at every start")
                .contains("unknown Alpaca feed 'nasdaq': use one of [iex, sip, delayed_sip, otc]");
    }

    @Test
    void anUnknownKeyIsWarnedOfWithItsControlCharactersEscapedAndItsLengthBounded() throws IOException {
        // JSON lets a key hold an escape sequence; the warning goes to the log, a terminal and the window.
        SettingsLoad load = storeWith("{\"\\u001b[2Jtheme\\u202e\": \"dark\", \"" + "k".repeat(5_000) + "\": 1}").load();
        assertThat(load.status()).isEqualTo(SettingsLoad.Status.LOADED);
        assertThat(load.warnings()).hasSize(2);
        assertThat(load.warnings().get(0)).isEqualTo("unknown setting '\\u001b[2Jtheme\\u202e' ignored");
        assertThat(load.warnings().get(1)).hasSizeLessThan(120).endsWith("…' ignored");
    }

    @Test
    void nonObjectAndEmptyFilesAreBroken() throws IOException {
        assertThat(storeWith("[1, 2]").load().problem()).contains("expected a JSON object");
        assertThat(storeWith("").load().problem()).contains("is empty");
        assertThat(storeWith("{\"theme\": \"dark\"} trailing").load().status()).isEqualTo(SettingsLoad.Status.BROKEN);
    }

    @Test
    void unknownKeysAreIgnoredWithAWarningAndNullsMeanDefault() throws IOException {
        SettingsLoad load = storeWith("{\"themme\": \"dark\", \"indicators\": {\"rsi\": 3}, \"timeframe\": null}").load();
        assertThat(load.status()).isEqualTo(SettingsLoad.Status.LOADED);
        assertThat(load.settings()).isEqualTo(Settings.DEFAULTS);
        assertThat(load.warnings()).containsExactly("unknown setting 'themme' ignored",
                "unknown setting 'indicators.rsi' ignored");
    }

    @Test
    void timeZoneAndSimulatorSpeedAreValidated() throws IOException {
        assertThat(storeWith("{\"timeZone\": \"Mars/Olympus\"}").load().problem()).contains("unknown time zone 'Mars/Olympus'");
        assertThat(storeWith("{\"simulator\": {\"speed\": 0}}").load().problem()).contains("simulator speed must be in (0, 10000]");
        Settings berlin = storeWith("{\"timeZone\": \"Europe/Berlin\"}").load().settings();
        assertThat(berlin.zone()).isEqualTo(java.time.ZoneId.of("Europe/Berlin"));
        assertThat(Settings.DEFAULTS.zone()).isEqualTo(java.time.ZoneId.systemDefault());
    }

    @Test
    void noBreakSpacesAroundATimeZoneUrlOrFeedAreTrimmedAsSpacesAre() throws IOException {
        SettingsLoad load = storeWith("{\"timeZone\": \"\u00A0Europe/Paris\u202F\", \"alpaca\":"
                + " {\"baseUrl\": \"https://data.alpaca.markets\u00A0\", \"feed\": \"\u2007sip\"}}").load();

        assertThat(load.problem()).isEmpty();
        assertThat(load.settings().timeZone()).isEqualTo("Europe/Paris");
        assertThat(load.settings().alpaca().baseUrl()).isEqualTo("https://data.alpaca.markets");
        assertThat(load.settings().alpaca().feed()).isEqualTo("sip");
    }

    @Test
    void noBreakSpacesAroundAnApiKeyAreTrimmedAsSpacesAre() throws IOException {
        SettingsLoad load = storeWith("{\"alpaca\": {\"keyId\": \" PKTESTKEY1234567\u00A0\","
                + " \"secretKey\": \"\u202FSUPERSECRETVALUE987654321\u00A0\"}}").load();

        assertThat(load.settings().alpaca().keyId().reveal()).isEqualTo("PKTESTKEY1234567");
        assertThat(load.settings().alpaca().secretKey().reveal()).isEqualTo("SUPERSECRETVALUE987654321");
    }

    @Test
    void anUnknownTimeZoneIsReportedAtItsValueWithTheFieldAndTheZone() throws IOException {
        SettingsLoad load = storeWith("{\n  \"theme\": \"dark\",\n  \"timeZone\": \"Mars/Olympus\"\n}").load();

        assertThat(load.problem()).contains("line 3, column 15 (timeZone): unknown time zone 'Mars/Olympus'");
    }

    @Test
    void aValueRefusedByItsRecordsOwnCheckIsReportedAtThatValue() throws IOException {
        assertThat(storeWith("{\"theme\": \"dark\",\n \"alpaca\": {\"keyId\": \"PK1\", \"feed\": \"nasdaq\"}}").load().problem())
                .contains("line 2, column 37 (alpaca.feed): unknown Alpaca feed 'nasdaq'");
        assertThat(storeWith("{\"theme\": \"dark\",\n \"alpaca\": {\"keyId\": \"PK1\", \"baseUrl\": \"ftp://x\"}}").load().problem())
                .contains("line 2, column 40 (alpaca.baseUrl): baseUrl 'ftp://x': Enter an http(s) URL");
        assertThat(storeWith("{\"theme\": \"dark\",\n \"simulator\": {\"seed\": 7, \"speed\": 0}}").load().problem())
                .contains("line 2, column 36 (simulator.speed): simulator speed must be in (0, 10000]");
        assertThat(storeWith("{\"theme\": \"dark\",\n \"simulator\": {\"seed\": 7, \"historyDays\": 0}}").load().problem())
                .contains("line 2, column 42 (simulator.historyDays): simulator historyDays must be between 1 and 3650");
        String tooMany = java.util.stream.IntStream.range(0, 501).mapToObj(i -> "\"S" + i + "\"")
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        assertThat(storeWith("{\"theme\": \"dark\",\n \"watchlists\": {\"stocks\": [\"AAPL\"], \"binance\": " + tooMany + "}}")
                .load().problem())
                .contains("line 2, column 48 (watchlists.binance): the binance watchlist holds 501 symbols");
        assertThat(storeWith("{\"theme\": \"dark\",\n \"watchlist\": " + tooMany + "}").load().problem())
                .as("the single watchlist of an older file")
                .contains("line 2, column 15 (watchlist): the stocks watchlist holds 501 symbols");
        assertThat(storeWith("{\"indicators\": {\"rsiPeriod\": 14,\n \"baseLower\": 80, \"baseUpper\": 50}}").load().problem())
                .as("a problem of two fields, at the first it names")
                .contains("line 2, column 15 (indicators.baseLower): invalid indicator parameters: baseLower (80.0) must be below");
        assertThat(storeWith("{\"indicators\": {\"rsiPeriod\": 14,\n \"baseUpper\": 20}}").load().problem())
                .as("a problem of two fields, at the one the file has")
                .contains("line 2, column 15 (indicators.baseUpper): invalid indicator parameters: baseLower (35.0) must be below");
    }

    @Test
    void fractionalPeriodsAndNullNumbersAreRejectedNotTruncated() throws IOException {
        assertThat(storeWith("{\"indicators\": {\"rsiPeriod\": 14.5}}").load().status())
                .isEqualTo(SettingsLoad.Status.BROKEN);
    }

    @Test
    void saveWritesAtomicallyAndRoundTrips() throws IOException {
        SettingsStore store = new SettingsStore(dir.resolve("nested/deeper/settings.json"));
        Settings settings = new Settings(new Watchlists(List.of(Symbol.of("SPY")), List.of(Symbol.of("BTCUSDT")), List.of(Symbol.of("ETH-USD"), Symbol.of("BTC-USD"))),
                Timeframe.FIVE_MINUTES, ProviderKind.BINANCE,
                new AlpacaSettings(Secret.of("PKTEST1234"), Secret.of("very-secret-value"), "http://127.0.0.1:8080/", "sip"),
                new IndicatorParameters(10, 12, 4, 5, 7, 30, 20, 90, 0.5, 15), Theme.DARK, "Europe/Berlin",
                new SimulatorSettings(60, 7, 10));
        store.save(settings);
        assertThat(store.load().settings()).isEqualTo(settings);
        assertThat(store.load().settings().alpaca().baseUrl()).isEqualTo("http://127.0.0.1:8080");
        try (var leftovers = Files.list(store.file().getParent())) {
            assertThat(leftovers).containsExactly(store.file());
        }
        store.save(Settings.DEFAULTS);
        assertThat(store.load().settings()).isEqualTo(Settings.DEFAULTS);
    }

    @Test
    void savedFileIsReadableByItsOwnerOnly() throws IOException {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        store.save(Settings.DEFAULTS);
        if (store.file().getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        }
    }

    @Test
    void savingOverAWorldReadableFileLeavesItReadableByItsOwnerOnly() throws IOException {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{}");
        org.junit.jupiter.api.Assumptions.assumeTrue(file.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        new SettingsStore(file).save(new Settings(Watchlists.DEFAULTS.with(ProviderKind.ALPACA, List.of(Symbol.of("AAPL"))),
                Timeframe.ONE_MINUTE, ProviderKind.ALPACA,
                new AlpacaSettings(Secret.of("PKTEST1234"), Secret.of("very-secret-value"), "http://127.0.0.1:8080/", "sip"),
                IndicatorParameters.DEFAULTS, Theme.DARK, "UTC", new SimulatorSettings(60, 7, 10)));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var siblings = Files.list(dir)) {
            assertThat(siblings).as("no temporary copy of the secret is left behind").containsExactly(file);
        }
    }

    @Test
    void documentedDefaultsAreTheDefaultsInTheCode() throws IOException {
        String doc = Files.readString(Path.of("docs/CONFIGURATION.md"), StandardCharsets.UTF_8);
        String documented = doc.substring(doc.indexOf("```json\n") + 8, doc.indexOf("```", doc.indexOf("```json\n") + 8));
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        store.save(Settings.DEFAULTS);
        assertThat(Files.readString(store.file()).strip()).isEqualToNormalizingNewlines(documented.strip());
    }

    @Test
    void savedJsonUsesReadableNames() throws IOException {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        store.save(Settings.DEFAULTS);
        assertThat(Files.readString(store.file()))
                .contains("\"timeframe\" : \"1Min\"", "\"provider\" : \"sim\"", "\"theme\" : \"light\"",
                        "\"kSmoothing\" : 3", "\"stocks\" : [ \"AAPL\"", "\"binance\" : [ \"BTCUSDT\"",
                        "\"coinbase\" : [ \"BTC-USD\"");
    }
}

package dev.tradedesk.feed.sim;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.feed.Rfc3339;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Answers Alpaca's bar endpoints from a {@link SimulatedMarket}. Parameters are validated before
 * a response starts; bars are generated while the body is written, so a 10,000-bar page needs no
 * buffer. Thread-safe (stateless apart from the market).
 */
final class AlpacaBarsRequestHandler {

    static final int DEFAULT_LIMIT = 1000;
    static final int MAX_LIMIT = 10_000;
    private static final Set<String> HISTORY_PARAMETERS = Set.of("symbols", "timeframe", "start", "end", "limit",
            "page_token", "feed", "adjustment", "sort", "asof", "currency");
    private static final Set<String> SINGLE_HISTORY_PARAMETERS = Set.of("timeframe", "start", "end", "limit",
            "page_token", "feed", "adjustment", "sort", "asof", "currency");
    private static final Set<String> LATEST_PARAMETERS = Set.of("symbols", "feed", "currency");

    private final SimulatedMarket market;

    AlpacaBarsRequestHandler(SimulatedMarket market) {
        this.market = market;
    }

    /**
     * {@code GET /v2/stocks/bars}.
     *
     * @param bodyFault a fault to put into the bars ({@link FaultKind#inBody()}), or null
     */
    AlpacaResponse multiSymbol(QueryParameters parameters, FaultKind bodyFault) {
        parameters.requireOnly(HISTORY_PARAMETERS);
        HistoryQuery query = historyQuery(symbols(parameters), parameters);
        return AlpacaResponse.ok(json -> {
            json.writeStartObject();
            json.writeObjectFieldStart("bars");
            String next = writePage(query, json, true, bodyFault);
            json.writeEndObject();
            writeToken(json, next);
            json.writeEndObject();
        });
    }

    /** {@code GET /v2/stocks/{symbol}/bars}; {@code bodyFault} as for {@link #multiSymbol}. */
    AlpacaResponse singleSymbol(String symbolText, QueryParameters parameters, FaultKind bodyFault) {
        parameters.requireOnly(SINGLE_HISTORY_PARAMETERS);
        Symbol symbol = symbol(symbolText);
        HistoryQuery query = historyQuery(List.of(symbol), parameters);
        return AlpacaResponse.ok(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("bars");
            String next = writePage(query, json, false, bodyFault);
            json.writeEndArray();
            json.writeStringField("symbol", symbol.value());
            writeToken(json, next);
            json.writeEndObject();
        });
    }

    /**
     * {@code GET /v2/stocks/bars/latest}: the forming minute bar of each listed symbol; with
     * {@link FaultKind#INVALID_PRICE}, the first symbol's bar has a bad close.
     */
    AlpacaResponse latest(QueryParameters parameters, FaultKind bodyFault) {
        parameters.requireOnly(LATEST_PARAMETERS);
        List<Symbol> symbols = symbols(parameters);
        return AlpacaResponse.ok(json -> {
            SimBar bar = new SimBar();
            boolean spoil = bodyFault == FaultKind.INVALID_PRICE;
            json.writeStartObject();
            json.writeObjectFieldStart("bars");
            for (Symbol symbol : symbols) {
                if (market.latestMinuteBar(symbol, bar)) {
                    json.writeFieldName(symbol.value());
                    if (spoil) {
                        spoil = false;
                        spoil(bar);
                    }
                    writeBar(json, bar);
                }
            }
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    private record HistoryQuery(List<Symbol> symbols, SimTimeframe timeframe, long start, long end, int limit,
            int firstSymbol, long resumeAt, String pageToken) {
    }

    private HistoryQuery historyQuery(List<Symbol> symbols, QueryParameters parameters) {
        String timeframeText = parameters.get("timeframe");
        SimTimeframe timeframe;
        try {
            timeframe = SimTimeframe.parse(timeframeText);
        } catch (IllegalArgumentException invalid) {
            throw new AlpacaRequestException(422, "invalid timeframe");
        }
        long now = market.nowMillis();
        // Alpaca's default start is the beginning of the current (New York) day.
        long start = parameters.get("start") == null
                ? SimTimeframe.ONE_DAY.bucketStart(now)
                : time(parameters.get("start"), "start");
        long end = parameters.get("end") == null ? now : time(parameters.get("end"), "end");
        if (end < start) {
            throw new AlpacaRequestException(422, "end should not be before start");
        }
        String sort = parameters.get("sort");
        if (sort != null && !sort.equals("asc")) {
            throw new AlpacaRequestException(422, "invalid sort: the simulated exchange serves sort=asc only");
        }
        int limit = limit(parameters.get("limit"));
        int firstSymbol = 0;
        long resumeAt = start;
        String token = parameters.get("page_token");
        if (token != null) {
            PageToken position = PageToken.decode(token);
            firstSymbol = symbols.indexOf(position.symbol());
            if (firstSymbol < 0 || position.time() < start) {
                throw new AlpacaRequestException(400, "invalid page_token");
            }
            resumeAt = position.time();
        }
        return new HistoryQuery(symbols, timeframe, start, end, limit, firstSymbol, resumeAt, token);
    }

    /** Writes up to {@code limit} bars over all symbols; returns the next page's token or null. */
    private String writePage(HistoryQuery query, JsonGenerator json, boolean keyedBySymbol, FaultKind bodyFault) {
        PageWriter page = new PageWriter(json, query.limit(), keyedBySymbol, bodyFault);
        for (int i = query.firstSymbol(); i < query.symbols().size() && page.next == null; i++) {
            page.startSymbol(query.symbols().get(i));
            long from = i == query.firstSymbol() ? query.resumeAt() : query.start();
            market.forEachClosedBar(page.symbol, query.timeframe(), from, query.end(), page::accept);
            page.endSymbol();
        }
        if (bodyFault == FaultKind.REPEATED_PAGE_TOKEN) {
            // Back to this very page: the token it was asked with, or (first page) its own start.
            return query.pageToken() != null ? query.pageToken()
                    : new PageToken(query.symbols().get(query.firstSymbol()), query.resumeAt()).encode();
        }
        return page.next;
    }

    /** A bar no exchange should send: a close that is not a number, or below zero. */
    private static void spoil(SimBar bar) {
        bar.close = (bar.time / 60_000) % 2 == 0 ? Double.NaN : -bar.close;
    }

    /**
     * Streams one page of bars, opening a symbol's array only when it has a bar on this page. With
     * a body fault, the first bar of the page is spoiled, sent twice, or held back and sent after
     * the next one.
     */
    private static final class PageWriter {
        private final JsonGenerator json;
        private final boolean keyedBySymbol;
        private FaultKind fault;
        private int remaining;
        private Symbol symbol;
        private boolean opened;
        private String next;
        private SimBar heldBack;

        PageWriter(JsonGenerator json, int limit, boolean keyedBySymbol, FaultKind bodyFault) {
            this.json = json;
            this.remaining = limit;
            this.keyedBySymbol = keyedBySymbol;
            this.fault = bodyFault;
        }

        void startSymbol(Symbol newSymbol) {
            symbol = newSymbol;
            opened = false;
        }

        boolean accept(SimBar bar) {
            if (remaining == 0) {
                next = new PageToken(symbol, bar.time).encode();
                return false;
            }
            try {
                if (keyedBySymbol && !opened) {
                    json.writeArrayFieldStart(symbol.value());
                }
                opened = true;
                writeWithFault(bar);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            remaining--;
            return true;
        }

        private void writeWithFault(SimBar bar) throws IOException {
            if (fault == FaultKind.INVALID_PRICE) {
                fault = null;
                SimBar spoiled = new SimBar();
                spoiled.copyFrom(bar);
                spoil(spoiled);
                writeBar(json, spoiled);
            } else if (fault == FaultKind.DUPLICATE_BARS) {
                fault = null;
                writeBar(json, bar);
                writeBar(json, bar);
            } else if (fault == FaultKind.OUT_OF_ORDER) {
                fault = null;
                heldBack = new SimBar();
                heldBack.copyFrom(bar);
            } else {
                writeBar(json, bar);
                writeHeldBack();
            }
        }

        private void writeHeldBack() throws IOException {
            if (heldBack != null) {
                writeBar(json, heldBack);
                heldBack = null;
            }
        }

        void endSymbol() {
            try {
                writeHeldBack();
                if (keyedBySymbol && opened) {
                    json.writeEndArray();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static void writeBar(JsonGenerator json, SimBar bar) throws IOException {
        json.writeStartObject();
        json.writeStringField("t", SimulatedExchange.timestamp(bar.time));
        writePrice(json, "o", bar.open);
        writePrice(json, "h", bar.high);
        writePrice(json, "l", bar.low);
        writePrice(json, "c", bar.close);
        json.writeNumberField("v", bar.volume);
        json.writeNumberField("n", bar.trades);
        json.writeNumberField("vw", bar.vwap);
        json.writeEndObject();
    }

    /** Whole prices without decimals ({@code 174}), as Alpaca sends them. */
    private static void writePrice(JsonGenerator json, String name, double price) throws IOException {
        if (price == Math.rint(price) && Math.abs(price) < 1e15) {
            json.writeNumberField(name, (long) price);
        } else {
            json.writeNumberField(name, price);
        }
    }

    private static void writeToken(JsonGenerator json, String token) throws IOException {
        if (token == null) {
            json.writeNullField("next_page_token");
        } else {
            json.writeStringField("next_page_token", token);
        }
    }

    private static List<Symbol> symbols(QueryParameters parameters) {
        String list = parameters.get("symbols");
        if (list == null) {
            throw new AlpacaRequestException(400, "missing symbols");
        }
        TreeSet<Symbol> symbols = new TreeSet<>();
        for (String text : list.split(",")) {
            symbols.add(symbol(text));
        }
        return List.copyOf(symbols);
    }

    private static Symbol symbol(String text) {
        try {
            return Symbol.of(text);
        } catch (IllegalArgumentException invalid) {
            throw new AlpacaRequestException(400, "invalid symbol: " + (text.length() > 20 ? text.substring(0, 20) + "…" : text));
        }
    }

    private static int limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new AlpacaRequestException(422, "invalid limit: must be between 1 and " + MAX_LIMIT);
    }

    /** RFC-3339 (any offset) or {@code YYYY-MM-DD} (midnight UTC). */
    static long time(String text, String name) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            return Rfc3339.toEpochMillis(text);
        } catch (DateTimeParseException | ArithmeticException invalid) {
            throw new AlpacaRequestException(422, "invalid " + name + ": " + (text.length() > 40 ? text.substring(0, 40) : text));
        }
    }

    /** An opaque resume position, like Alpaca's base64 tokens. */
    record PageToken(Symbol symbol, long time) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((symbol.value() + "|" + time).getBytes(StandardCharsets.UTF_8));
        }

        static PageToken decode(String token) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                int bar = text.lastIndexOf('|');
                return new PageToken(Symbol.of(text.substring(0, bar)), Long.parseLong(text.substring(bar + 1)));
            } catch (IllegalArgumentException | IndexOutOfBoundsException invalid) {
                throw new AlpacaRequestException(400, "invalid page_token");
            }
        }
    }

}

package dev.tradedesk.feed.sim;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tradedesk.core.Symbol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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

    /** {@code GET /v2/stocks/bars}. */
    AlpacaResponse multiSymbol(QueryParameters parameters) {
        parameters.requireOnly(HISTORY_PARAMETERS);
        HistoryQuery query = historyQuery(symbols(parameters), parameters);
        return AlpacaResponse.ok(json -> {
            json.writeStartObject();
            json.writeObjectFieldStart("bars");
            String next = writePage(query, json, true);
            json.writeEndObject();
            writeToken(json, next);
            json.writeEndObject();
        });
    }

    /** {@code GET /v2/stocks/{symbol}/bars}. */
    AlpacaResponse singleSymbol(String symbolText, QueryParameters parameters) {
        parameters.requireOnly(SINGLE_HISTORY_PARAMETERS);
        Symbol symbol = symbol(symbolText);
        HistoryQuery query = historyQuery(List.of(symbol), parameters);
        return AlpacaResponse.ok(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("bars");
            String next = writePage(query, json, false);
            json.writeEndArray();
            json.writeStringField("symbol", symbol.value());
            writeToken(json, next);
            json.writeEndObject();
        });
    }

    /** {@code GET /v2/stocks/bars/latest}: the forming minute bar of each listed symbol. */
    AlpacaResponse latest(QueryParameters parameters) {
        parameters.requireOnly(LATEST_PARAMETERS);
        List<Symbol> symbols = symbols(parameters);
        return AlpacaResponse.ok(json -> {
            SimBar bar = new SimBar();
            json.writeStartObject();
            json.writeObjectFieldStart("bars");
            for (Symbol symbol : symbols) {
                if (market.latestMinuteBar(symbol, bar)) {
                    json.writeFieldName(symbol.value());
                    writeBar(json, bar);
                }
            }
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    private record HistoryQuery(List<Symbol> symbols, SimTimeframe timeframe, long start, long end, int limit,
            int firstSymbol, long resumeAt) {
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
        return new HistoryQuery(symbols, timeframe, start, end, limit, firstSymbol, resumeAt);
    }

    /** Writes up to {@code limit} bars over all symbols; returns the next page's token or null. */
    private String writePage(HistoryQuery query, JsonGenerator json, boolean keyedBySymbol) {
        PageWriter page = new PageWriter(json, query.limit(), keyedBySymbol);
        for (int i = query.firstSymbol(); i < query.symbols().size() && page.next == null; i++) {
            page.startSymbol(query.symbols().get(i));
            long from = i == query.firstSymbol() ? query.resumeAt() : query.start();
            market.forEachClosedBar(page.symbol, query.timeframe(), from, query.end(), page::accept);
            page.endSymbol();
        }
        return page.next;
    }

    /** Streams one page of bars, opening a symbol's array only when it has a bar on this page. */
    private static final class PageWriter {
        private final JsonGenerator json;
        private final boolean keyedBySymbol;
        private int remaining;
        private Symbol symbol;
        private boolean opened;
        private String next;

        PageWriter(JsonGenerator json, int limit, boolean keyedBySymbol) {
            this.json = json;
            this.remaining = limit;
            this.keyedBySymbol = keyedBySymbol;
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
                writeBar(json, bar);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            remaining--;
            return true;
        }

        void endSymbol() {
            if (keyedBySymbol && opened) {
                try {
                    json.writeEndArray();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
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
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
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

package dev.tradedesk.feed;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.Failures;
import dev.tradedesk.core.Symbol;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Fans a request out to every symbol at once, for providers whose API takes one symbol per call
 * (Binance, Coinbase), and gathers the answers. Each symbol's work is the provider's own chain of
 * asynchronous {@link ProviderHttp} futures (several pages or windows in sequence, if need be); the
 * symbols run concurrently, and nothing here blocks or starts a thread. Duplicate symbols are
 * fetched once.
 *
 * <p>Stateless and thread-safe.
 */
public final class PerSymbolRequests {

    /** One symbol's history, fetched page after page. */
    @FunctionalInterface
    public interface HistoryFetch {
        /**
         * @param abandoned becomes true once the whole request has failed (another symbol failed) or
         *                  was cancelled: check it before each further page and stop there, so a
         *                  provider that has just said "too many requests" is not sent more
         */
        CompletableFuture<BarColumns> fetch(Symbol symbol, BooleanSupplier abandoned);
    }

    private PerSymbolRequests() {
    }

    /**
     * Every symbol's history, merged into one map; symbols without bars are absent. A symbol the
     * provider refuses as unknown ({@link ProviderException.Kind#UNKNOWN_SYMBOL}) fails alone, into
     * {@link HistoryBars#unknown()}: that is a fact about the symbol, and the others' answers are
     * good. Any other failure fails the whole, with that symbol's {@link ProviderException}, as soon
     * as it happens (it is the provider's or the connection's, and would hit the others too).
     *
     * @param dropped where the symbols' fetches pin their dropped records, read once all are answered
     *                ({@link HistoryBars#incomplete()})
     */
    public static CompletableFuture<HistoryBars> history(List<Symbol> symbols, DroppedRecords dropped, HistoryFetch fetch) {
        CompletableFuture<HistoryBars> whole = new CompletableFuture<>();
        Map<Symbol, CompletableFuture<BarColumns>> perSymbol = new LinkedHashMap<>();
        for (Symbol symbol : new LinkedHashSet<>(symbols)) {
            CompletableFuture<BarColumns> bars = fetch.fetch(symbol, whole::isDone);
            bars.whenComplete((ignored, failure) -> {
                if (failure != null && !unknownSymbol(failure)) {
                    whole.completeExceptionally(Failures.unwrapped(failure));
                }
            });
            perSymbol.put(symbol, bars);
        }
        // handle() turns each failure into a normal completion, so allOf waits for every symbol.
        CompletableFuture<?>[] settled = perSymbol.values().stream()
                .map(request -> request.handle((bars, failure) -> null))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(settled).thenRun(() -> {
            Map<Symbol, BarColumns> merged = new HashMap<>();
            Map<Symbol, ProviderException> unknown = new HashMap<>();
            for (Map.Entry<Symbol, CompletableFuture<BarColumns>> request : perSymbol.entrySet()) {
                try {
                    BarColumns columns = request.getValue().join();
                    if (!columns.isEmpty()) {
                        merged.put(request.getKey(), columns);
                    }
                } catch (CompletionException | CancellationException failed) {
                    if (!unknownSymbol(failed)) {
                        // Usually failed the whole already; the order of the two callbacks is not ours.
                        whole.completeExceptionally(Failures.unwrapped(failed));
                        return;
                    }
                    unknown.put(request.getKey(), (ProviderException) Failures.unwrapped(failed));
                }
            }
            whole.complete(new HistoryBars(merged, unknown, dropped.symbols()));
        });
        return whole;
    }

    /**
     * The bars of a {@link #history} answer, or, if the provider refused a symbol, that refusal as
     * the failure of the whole ({@link MarketDataProvider#history}'s contract).
     */
    public static Map<Symbol, BarColumns> wholeOrFail(HistoryBars answer) {
        if (!answer.unknown().isEmpty()) {
            throw answer.unknown().values().iterator().next();
        }
        return answer.bars();
    }

    private static boolean unknownSymbol(Throwable failure) {
        return Failures.unwrapped(failure) instanceof ProviderException problem
                && problem.kind() == ProviderException.Kind.UNKNOWN_SYMBOL;
    }

    /** One symbol's latest-bars answer: its valid bars, and how many records the body held, valid or not. */
    public record Answer(BarColumns valid, int records) {
    }

    /**
     * Every symbol's latest bar: the newest of the valid bars its request yields (usually one). A
     * symbol whose request fails gets its {@link ProviderException} in {@link LatestBars#failures()}
     * and does not disturb the others; one whose answer held records but no valid one is in
     * {@link LatestBars#invalid()}; a symbol answered with no record at all is in none of them. The
     * future itself fails only on a failure that is not a {@link ProviderException} (a bug, not a
     * provider problem).
     */
    public static CompletableFuture<LatestBars> latest(List<Symbol> symbols, Function<Symbol, CompletableFuture<Answer>> fetch) {
        Map<Symbol, CompletableFuture<Answer>> perSymbol = new LinkedHashMap<>();
        for (Symbol symbol : new LinkedHashSet<>(symbols)) {
            perSymbol.put(symbol, fetch.apply(symbol));
        }
        // handle() turns each failure into a normal completion, so allOf waits for every symbol.
        CompletableFuture<?>[] settled = perSymbol.values().stream()
                .map(request -> request.handle((bars, failure) -> null))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(settled).thenApply(done -> {
            Map<Symbol, Bar> latest = new HashMap<>();
            Map<Symbol, ProviderException> failures = new HashMap<>();
            Set<Symbol> invalid = new HashSet<>();
            perSymbol.forEach((symbol, request) -> {
                try {
                    Answer answer = request.join();
                    newest(answer.valid()).ifPresentOrElse(bar -> latest.put(symbol, bar), () -> {
                        if (answer.records() > 0) {
                            invalid.add(symbol);
                        }
                    });
                } catch (CompletionException failed) {
                    if (!(Failures.unwrapped(failed) instanceof ProviderException providerFailure)) {
                        throw failed;
                    }
                    failures.put(symbol, providerFailure);
                }
            });
            return new LatestBars(latest, failures, invalid);
        });
    }

    private static Optional<Bar> newest(BarColumns bars) {
        int newest = -1;
        for (int i = 0; i < bars.size(); i++) {
            if (newest < 0 || bars.time(i) > bars.time(newest)) {
                newest = i;
            }
        }
        return newest < 0 ? Optional.empty() : Optional.of(bars.bar(newest));
    }
}

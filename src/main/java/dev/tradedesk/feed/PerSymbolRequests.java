package dev.tradedesk.feed;

import dev.tradedesk.core.Bar;
import dev.tradedesk.core.BarColumns;
import dev.tradedesk.core.Symbol;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
     * Every symbol's history, merged into one map; symbols without bars are absent. Fails as a whole,
     * with the first symbol's {@link ProviderException}, as soon as any symbol fails.
     */
    public static CompletableFuture<Map<Symbol, BarColumns>> history(List<Symbol> symbols, HistoryFetch fetch) {
        CompletableFuture<Map<Symbol, BarColumns>> whole = new CompletableFuture<>();
        Map<Symbol, CompletableFuture<BarColumns>> perSymbol = new LinkedHashMap<>();
        for (Symbol symbol : new LinkedHashSet<>(symbols)) {
            CompletableFuture<BarColumns> bars = fetch.fetch(symbol, whole::isDone);
            bars.whenComplete((ignored, failure) -> {
                if (failure != null) {
                    whole.completeExceptionally(unwrap(failure));
                }
            });
            perSymbol.put(symbol, bars);
        }
        CompletableFuture.allOf(perSymbol.values().toArray(CompletableFuture[]::new)).thenRun(() -> {
            Map<Symbol, BarColumns> merged = new HashMap<>();
            perSymbol.forEach((symbol, bars) -> {
                BarColumns columns = bars.join();
                if (!columns.isEmpty()) {
                    merged.put(symbol, columns);
                }
            });
            whole.complete(merged);
        });
        return whole;
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
                    if (!(unwrap(failed) instanceof ProviderException providerFailure)) {
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

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}

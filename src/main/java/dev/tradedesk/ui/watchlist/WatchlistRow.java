package dev.tradedesk.ui.watchlist;

import dev.tradedesk.core.PriceDecimals;
import dev.tradedesk.core.Symbol;
import dev.tradedesk.ui.live.Quote;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One watchlist line: a symbol and its live values as JavaFX properties, updated in place so the
 * table redraws only the cells that changed. {@code NaN} shows as blank. Confined to the JavaFX
 * thread.
 */
public final class WatchlistRow {

    private final Symbol symbol;
    private final DoubleProperty last = new SimpleDoubleProperty(this, "last", Double.NaN);
    private final DoubleProperty changePercent = new SimpleDoubleProperty(this, "changePercent", Double.NaN);
    private final DoubleProperty rsi = new SimpleDoubleProperty(this, "rsi", Double.NaN);
    private final DoubleProperty stochK = new SimpleDoubleProperty(this, "stochK", Double.NaN);
    private final DoubleProperty relativeVolume = new SimpleDoubleProperty(this, "relativeVolume", Double.NaN);
    private final ObjectProperty<Quote.Zone> zone = new SimpleObjectProperty<>(this, "zone", Quote.Zone.UNDEFINED);
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    private final DoubleProperty completeness = new SimpleDoubleProperty(this, "completeness", Double.NaN);
    /** The store's last figure, shown once the symbol has given data or has no problem. */
    private double storedCompleteness = Double.NaN;
    private int priceDecimals = PriceDecimals.MIN;
    /** Where the row stands in the user's own order; a sorted list ranks rows of the same value by it. */
    private int ownPlace;
    /** The problem shown is the stopped market data's ({@link #showMarketStopped}), not the row's own. */
    private boolean showsMarketStopped;

    WatchlistRow(Symbol symbol) {
        this.symbol = symbol;
    }

    void apply(Quote quote) {
        // Before the price: its cell formats it as it changes.
        priceDecimals = PriceDecimals.widened(priceDecimals, quote.last());
        last.set(quote.last());
        changePercent.set(quote.changePercent());
        rsi.set(quote.rsi());
        stochK.set(quote.stochK());
        relativeVolume.set(quote.relativeVolume());
        zone.set(quote.zone());
        problem.set("");
        showsMarketStopped = false;
        showCompleteness();
    }

    /** Forgets every figure: they came from a provider that is no longer the source. */
    void clear() {
        priceDecimals = PriceDecimals.MIN;
        last.set(Double.NaN);
        changePercent.set(Double.NaN);
        rsi.set(Double.NaN);
        stochK.set(Double.NaN);
        relativeVolume.set(Double.NaN);
        zone.set(Quote.Zone.UNDEFINED);
        problem.set("");
        showsMarketStopped = false;
        storedCompleteness = Double.NaN;
        completeness.set(Double.NaN);
    }

    void reportProblem(String text) {
        problem.set(text);
        showsMarketStopped = false;
        showCompleteness();
    }

    /**
     * Market data stopped ({@code reason}): a row with no price and no problem of its own says why
     * it has none. A session that never started (Alpaca without a key) told no symbol of it, and its
     * rows stood blank, unlike those of a session stopped by a rejected key.
     */
    void showMarketStopped(String reason) {
        if (Double.isNaN(last.get()) && problem.get().isEmpty()) {
            reportProblem("Market data stopped: " + reason);
            showsMarketStopped = true;
        }
    }

    /** Market data runs again: the stopped market's problem goes, a row's own stays. */
    void clearMarketStopped() {
        if (showsMarketStopped) {
            clearProblem();
        }
    }

    /** The problem shown is over, though no quote came yet (the history store answered). */
    void clearProblem() {
        reportProblem("");
    }

    void setCompleteness(double share) {
        storedCompleteness = share;
        showCompleteness();
    }

    /**
     * A symbol the provider has never given data for, an unknown one above all, has nothing
     * stored: its empty answers cover its history, which would read as 100 % whole.
     */
    private void showCompleteness() {
        boolean gaveData = !Double.isNaN(last.get());
        completeness.set(gaveData || problem.get().isEmpty() ? storedCompleteness : Double.NaN);
    }

    public Symbol symbol() {
        return symbol;
    }

    int ownPlace() {
        return ownPlace;
    }

    void setOwnPlace(int place) {
        ownPlace = place;
    }

    public ReadOnlyDoubleProperty lastProperty() {
        return last;
    }

    /**
     * The decimals the last price is shown with, the chart's rule ({@link PriceDecimals}): the
     * fewest that write every last price seen since the row's figures were last cleared exactly.
     * It only widens, so the column does not change length as a price moves across a trailing zero.
     */
    public int priceDecimals() {
        return priceDecimals;
    }

    public ReadOnlyDoubleProperty changePercentProperty() {
        return changePercent;
    }

    public ReadOnlyDoubleProperty rsiProperty() {
        return rsi;
    }

    public ReadOnlyDoubleProperty stochKProperty() {
        return stochK;
    }

    public ReadOnlyDoubleProperty relativeVolumeProperty() {
        return relativeVolume;
    }

    public ReadOnlyObjectProperty<Quote.Zone> zoneProperty() {
        return zone;
    }

    /**
     * Share of the series' tracked history stored whole, 0 to 1 (the completeness ledger: ranges
     * not yet fetched whole count against it); {@code NaN} until the store has reported it, and
     * while the symbol has a problem and has never given data.
     */
    public ReadOnlyDoubleProperty completenessProperty() {
        return completeness;
    }

    /**
     * Why this symbol has no live values ("unknown symbol", a failure, a wait for the history store),
     * or empty; its next quote clears it, a wait for the store ends as soon as the store answers, and
     * a failure as soon as the provider answers for the symbol again.
     */
    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }
}

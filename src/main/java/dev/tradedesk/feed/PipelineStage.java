package dev.tradedesk.feed;

/** The stages a bar goes through from the provider to the screen, each timed separately. */
public enum PipelineStage {
    FETCH("fetch"),
    PARSE("parse"),
    INDICATORS("indicators"),
    STORE_WRITE("store_write"),
    PUBLISH("publish"),
    RENDER("render"),
    /** One cycle: the latest bars of the whole watchlist requested, processed and published. */
    CYCLE("cycle"),
    /** The closing lane's history request for bars that just closed, from sending to handing over. */
    CLOSED_BARS("closed_bars"),
    /** A live tick from its response parsed to the engine starting on it (the hop to the scheduler thread, any wait for closed bars). */
    TICK_TO_ENGINE("tick_to_engine");

    private final String key;

    PipelineStage(String key) {
        this.key = key;
    }

    /** The name used in {@code key: value} output, e.g. {@code store_write}. */
    public String key() {
        return key;
    }
}

package dev.tradedesk.feed;

/** The stages a bar goes through from the provider to the screen, each timed separately. */
public enum PipelineStage {
    FETCH("fetch"),
    PARSE("parse"),
    INDICATORS("indicators"),
    STORE_WRITE("store_write"),
    PUBLISH("publish"),
    RENDER("render"),
    CYCLE("cycle");

    private final String key;

    PipelineStage(String key) {
        this.key = key;
    }

    /** The name used in {@code key: value} output, e.g. {@code store_write}. */
    public String key() {
        return key;
    }
}

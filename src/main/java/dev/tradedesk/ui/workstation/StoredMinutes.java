package dev.tradedesk.ui.workstation;

import dev.tradedesk.core.BarColumns;
import java.util.Objects;

/**
 * A read of a symbol's stored one-minute bars.
 *
 * @param bars          the bars read, oldest first
 * @param earlierStored whether the store holds bars older than these (the read was a recent window)
 */
public record StoredMinutes(BarColumns bars, boolean earlierStored) {

    public StoredMinutes {
        Objects.requireNonNull(bars, "bars");
    }

    public static StoredMinutes none() {
        return new StoredMinutes(new BarColumns(0), false);
    }
}

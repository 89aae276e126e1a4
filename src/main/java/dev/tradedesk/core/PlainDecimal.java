package dev.tradedesk.core;

import java.math.BigDecimal;

/** Numbers as a file or a person writes them: digits and a dot, never an exponent. Stateless. */
public final class PlainDecimal {

    private PlainDecimal() {
    }

    /**
     * The shortest decimal that reads back as {@code value} (finite), without the exponent
     * {@link Double#toString} writes below 10^-3 and from 10^7: {@code 0.0000129}, not
     * {@code 1.29E-5}; {@code 60739437}, not {@code 6.0739437E7}.
     */
    public static String of(double value) {
        double magnitude = Math.abs(value);
        return magnitude == 0 || magnitude >= 1e-3 && magnitude < 1e7 ? Double.toString(value)
                : BigDecimal.valueOf(value).toPlainString();
    }
}

package dev.tradedesk.core;

import java.util.Locale;

/**
 * Text from outside (a provider's answer, a key in the settings file) made safe to put in a log
 * line, a terminal or the status bar: a control or format character, or a line or paragraph
 * separator, is written as a backslash, {@code u} and its four hex digits. A terminal takes an
 * escape sequence for a command (clear the screen, recolour what follows), and a direction
 * override reverses the text after it. Stateless and thread-safe.
 */
public final class PrintableText {

    private PrintableText() {
    }

    /** Appends {@code c}, or its {@code \}{@code uXXXX} form when it would act instead of show. */
    public static void append(StringBuilder out, char c) {
        int type = Character.getType(c);
        if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
        } else {
            out.append(c);
        }
    }

    /** {@code text} made printable, cut after {@code maxChars} of it with "…". */
    public static String of(String text, int maxChars) {
        int shown = Math.min(text.length(), maxChars);
        StringBuilder out = new StringBuilder(shown + 1);
        for (int i = 0; i < shown; i++) {
            append(out, text.charAt(i));
        }
        return shown < text.length() ? out.append('…').toString() : out.toString();
    }
}

package dev.tradedesk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded damage to JSON documents for fuzz tests: structural changes on a Jackson tree, then
 * byte-level damage on its text. Each change is described in the case's log. Stateless.
 */
public final class JsonMutations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonMutations() {
    }

    /** A place in the tree that holds a value: a field of an object or an element of an array. */
    private record Slot(JsonNode parent, String field, int index) {

        JsonNode get() {
            return field != null ? parent.get(field) : parent.get(index);
        }

        void set(JsonNode value) {
            if (field != null) {
                ((ObjectNode) parent).set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (field != null) {
                ((ObjectNode) parent).remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    private static void collectSlots(JsonNode node, List<Slot> into) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                into.add(new Slot(node, name, -1));
                collectSlots(node.get(name), into);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                into.add(new Slot(node, null, i));
                collectSlots(node.get(i), into);
            }
        }
    }

    /** Up to three structural changes: removals, strange or huge values, unicode, deep nesting, renamed keys, copies. */
    public static void mutateTree(JsonNode root, Random random, StringBuilder log) {
        int mutations = random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            List<Slot> slots = new ArrayList<>();
            collectSlots(root, slots);
            if (slots.isEmpty()) {
                return;
            }
            Slot slot = slots.get(random.nextInt(slots.size()));
            int kind = random.nextInt(7);
            log.append("tree mutation ").append(kind).append(" at ").append(slot.field() != null ? slot.field() : slot.index())
                    .append('\n');
            switch (kind) {
                case 0 -> slot.remove();
                case 1 -> slot.set(strangeValue(random));
                case 2 -> slot.set(hugeNumber(random));
                case 3 -> slot.set(NODES.textNode(randomUnicode(random, 1 + random.nextInt(40))));
                case 4 -> {
                    JsonNode nested = slot.get();
                    for (int depth = random.nextInt(random.nextBoolean() ? 5 : 1_200); depth > 0; depth--) {
                        nested = NODES.arrayNode().add(nested);
                    }
                    slot.set(nested);
                }
                case 5 -> {
                    if (slot.field() != null) {
                        JsonNode value = slot.get();
                        slot.remove();
                        ((ObjectNode) slot.parent()).set(pick(random, "AAPL", "aapl", "../x", "AAPL?x=1", "AAPL#", "ＡＡＰＬ",
                                "ſpy", "", "BTC/USD", "X".repeat(300), "AAPL'; DROP TABLE bars;--"), value);
                    }
                }
                default -> {
                    if (slot.parent().isArray()) {
                        ((ArrayNode) slot.parent()).insert(slot.index(), slot.get().deepCopy());
                    }
                }
            }
        }
    }

    private static JsonNode strangeValue(Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.textNode("12.5");
            case 3 -> NODES.textNode(" 12.5 ");
            case 4 -> NODES.objectNode().put("o", 1);
            case 5 -> NODES.arrayNode().add(1).add("x");
            case 6 -> NODES.numberNode(-0.0);
            case 7 -> NODES.textNode(pick(random, "NaN", "Infinity", "-Infinity", "0x1p3", "1e5f", "1_000", "１２"));
            default -> NODES.textNode("x".repeat(random.nextInt(100_000)));
        };
    }

    private static JsonNode hugeNumber(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> NODES.numberNode(new java.math.BigDecimal("1e" + (300 + random.nextInt(700))));
            case 1 -> NODES.numberNode(new java.math.BigDecimal("-1e" + (300 + random.nextInt(700))));
            case 2 -> NODES.numberNode(new java.math.BigInteger("9".repeat(1 + random.nextInt(1_200))));
            case 3 -> NODES.numberNode(Long.MAX_VALUE);
            case 4 -> NODES.numberNode(Long.MIN_VALUE);
            default -> NODES.numberNode(new java.math.BigDecimal("1e-" + (300 + random.nextInt(700))));
        };
    }

    /** Text-level damage no tree can express: cuts, stray bytes, duplicated keys and records. */
    public static byte[] mutateText(String text, Random random, StringBuilder log) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int mutations = random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            int kind = random.nextInt(7);
            int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
            log.append("text mutation ").append(kind).append(" at byte ").append(at).append('\n');
            bytes = switch (kind) {
                case 0 -> java.util.Arrays.copyOf(bytes, at);
                case 1 -> splice(bytes, at, at, randomBytes(random));
                case 2 -> {
                    int end = Math.min(bytes.length, at + random.nextInt(30));
                    yield splice(bytes, at, end, new byte[0]);
                }
                case 3 -> {
                    int end = Math.min(bytes.length, at + random.nextInt(60));
                    yield splice(bytes, end, end, java.util.Arrays.copyOfRange(bytes, at, end));
                }
                case 4 -> splice(bytes, at, Math.min(bytes.length, at + 1),
                        new byte[] {(byte) "{}[],:\"-.0eE \\".charAt(random.nextInt(14))});
                case 5 -> splice(bytes, 0, 0, pick(random, "\uFEFF", " \r\n\t", "[", "{").getBytes(StandardCharsets.UTF_8));
                default -> splice(bytes, bytes.length, bytes.length, pick(random, "x", "]", "}", "{}", "\u0000").getBytes(
                        StandardCharsets.UTF_8));
            };
        }
        return bytes;
    }

    private static byte[] splice(byte[] bytes, int from, int to, byte[] insert) {
        byte[] out = new byte[bytes.length - (to - from) + insert.length];
        System.arraycopy(bytes, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(bytes, to, out, from + insert.length, bytes.length - to);
        return out;
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[1 + random.nextInt(8)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String randomUnicode(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(5)) {
                case 0 -> text.append((char) random.nextInt(0x20));
                case 1 -> text.append((char) (0xD800 + random.nextInt(0x800)));
                case 2 -> text.appendCodePoint(0x1F600 + random.nextInt(80));
                case 3 -> text.append("１２３．５".charAt(random.nextInt(5)));
                default -> text.append((char) (0x20 + random.nextInt(0x2000)));
            }
        }
        return text.toString();
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}

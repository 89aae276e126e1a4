package dev.tradedesk.app;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradedesk.core.InvalidFieldException;
import dev.tradedesk.core.PrintableText;
import dev.tradedesk.feed.ProviderKind;
import dev.tradedesk.ui.watchlist.Watchlists;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@code settings.json}.
 *
 * <p>Reading never fails: a missing file means the defaults; a field missing from the file takes
 * its default; a broken file (bad JSON, a wrong type, an invalid value, a key given twice in one
 * object) is reported with its line and column, and the defaults apply. Writing is atomic (a temp
 * file in the same directory, then a move), so a crash mid-save leaves either the old or the new
 * file, never half of one; the file is readable by its owner only, because it may hold API secrets.
 *
 * <p>Thread-safe for concurrent reads; callers serialise writes (the app uses one writer thread).
 */
public final class SettingsStore {

    private static final Logger log = LoggerFactory.getLogger(SettingsStore.class);
    /** Text of two or more characters the JSON parser quotes in its messages; see {@link #withoutInputText}. */
    private static final Pattern QUOTED_INPUT = Pattern.compile("'([^']{2,})'");
    /**
     * Characters of a key from the file shown in a message: the message goes to the log and the
     * window, and a file may hold a key of any length.
     */
    private static final int SHOWN_KEY_CHARS = 60;
    /** Characters of a problem shown: it may quote a value of the file, which can be of any length. */
    private static final int MAX_PROBLEM_CHARS = 400;

    private final Path file;
    private final ObjectMapper mapper;
    private final ObjectNode defaultsTree;

    public SettingsStore(Path file) {
        this.file = file;
        this.mapper = JsonMapper.builder()
                .addModule(new SettingsJsonModule())
                // Two values for one setting, from a hand edit, are ambiguous: JSON leaves it to the
                // reader, and the last one had won in silence while a problem with it pointed at the first.
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build();
        this.defaultsTree = mapper.valueToTree(Settings.DEFAULTS);
    }

    public Path file() {
        return file;
    }

    /** Reads the settings file; see the class comment for what happens when it is missing or broken. */
    public SettingsLoad load() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException missing) {
            return new SettingsLoad(Settings.DEFAULTS, SettingsLoad.Status.MISSING, "", List.of());
        } catch (IOException | SecurityException unreadable) {
            return broken("cannot be read (" + unreadable + ")");
        }
        List<String> warnings = new ArrayList<>();
        try {
            JsonNode parsed = mapper.readTree(bytes);
            if (parsed == null || parsed.isMissingNode()) {
                return broken("is empty; expected a JSON object such as {\"theme\": \"dark\"}");
            }
            if (!parsed.isObject()) {
                return broken("line 1, column 1: expected a JSON object, found " + parsed.getNodeType());
            }
            ObjectNode merged = defaultsTree.deepCopy();
            moveSingleWatchlist((ObjectNode) parsed);
            mergeKnownFields(merged, (ObjectNode) parsed, "", warnings);
            Settings settings = mapper.treeToValue(merged, Settings.class);
            warnings.forEach(warning -> log.warn("Settings file {}: {}", file, warning));
            return new SettingsLoad(settings, SettingsLoad.Status.LOADED, "", warnings);
        } catch (JsonMappingException invalid) {
            return broken(describeInvalidValue(bytes, invalid));
        } catch (JsonProcessingException malformed) {
            Optional<String> repeated = repeatedKey(bytes);
            if (repeated.isPresent()) {
                return broken(repeated.get());
            }
            return broken(where(malformed.getLocation()) + ": not valid JSON: "
                    + withoutInputText(firstLine(malformed.getOriginalMessage())));
        } catch (IOException unexpected) {
            return broken("cannot be parsed (" + unexpected + ")");
        }
    }

    /**
     * Writes {@code settings} atomically, replacing the file.
     *
     * @throws IOException if the directory cannot be created or the file cannot be written; the
     *                     previous file is then untouched
     */
    public void save(Settings settings) throws IOException {
        AtomicFiles.write(file, mapper.writeValueAsBytes(settings));
        log.info("Saved settings to {}", file.toAbsolutePath());
    }

    /**
     * A file written before each kind of provider kept its own watchlist has one {@code watchlist}:
     * it becomes the list of the provider the file chose (unless the file also names that list).
     */
    private static void moveSingleWatchlist(ObjectNode file) {
        JsonNode single = file.get("watchlist");
        JsonNode lists = file.get("watchlists");
        if (single == null || (lists != null && !lists.isObject())) {
            return; // nothing to move, or a wrong "watchlists" that the reading reports
        }
        file.remove("watchlist");
        if (single.isNull()) {
            return;
        }
        ProviderKind provider = Settings.DEFAULTS.provider();
        JsonNode chosen = file.get("provider");
        if (chosen != null && chosen.isTextual()) {
            try {
                provider = ProviderKind.parse(chosen.asText());
            } catch (IllegalArgumentException unknown) {
                // reported as the provider's own problem when the file is read
            }
        }
        String name = switch (Watchlists.owner(provider)) {
            case BINANCE -> "binance";
            case COINBASE -> "coinbase";
            default -> "stocks";
        };
        ObjectNode target = lists == null ? file.putObject("watchlists") : (ObjectNode) lists;
        if (!target.has(name)) {
            target.set(name, single);
        }
    }

    /**
     * Overlays the user's values on the defaults, key by key, so any key the user left out keeps its
     * default. An explicit {@code null} also means "the default". Unknown keys are reported and dropped,
     * which keeps a typo from failing the whole file.
     */
    private static void mergeKnownFields(ObjectNode target, ObjectNode source, String prefix, List<String> warnings) {
        Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            JsonNode current = target.get(name);
            if (current == null) {
                warnings.add("unknown setting '" + PrintableText.of(prefix + name, SHOWN_KEY_CHARS) + "' ignored");
            } else if (value.isNull()) {
                continue;
            } else if (current.isObject() && value.isObject()) {
                mergeKnownFields((ObjectNode) current, (ObjectNode) value, prefix + name + ".", warnings);
            } else {
                target.set(name, value);
            }
        }
    }

    /** A pointer into one of the watchlists, with the part after the list's name as group 1. */
    private static final Pattern MOVED_WATCHLIST = Pattern.compile("/watchlists/[a-z]+(/.*)?");

    private String describeInvalidValue(byte[] bytes, JsonMappingException invalid) {
        StringBuilder pointer = new StringBuilder();
        StringBuilder shown = new StringBuilder();
        for (JsonMappingException.Reference step : invalid.getPath()) {
            if (step.getFieldName() != null) {
                pointer.append('/').append(step.getFieldName().replace("~", "~0").replace("/", "~1"));
                shown.append(shown.length() == 0 ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                pointer.append('/').append(step.getIndex());
                shown.append('[').append(step.getIndex()).append(']');
            }
        }
        String reason;
        if (invalid instanceof ValueInstantiationException && invalid.getCause() != null) {
            reason = invalid.getCause().getMessage();
        } else if (invalid instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                && !(invalid.getCause() instanceof IllegalArgumentException)) {
            reason = "expected " + describeType(mismatch.getTargetType());
        } else {
            reason = invalid.getOriginalMessage();
        }
        String path = shown.length() == 0 ? "top level" : shown.toString();
        Optional<Written> written = Optional.empty();
        if (invalid instanceof ValueInstantiationException && invalid.getCause() instanceof InvalidFieldException refused) {
            // The path ends at the object the record was built from ("/alpaca", or "" for the whole
            // file); the record's check says which of its fields it refused: point at that value
            // where the file has it, not at the brace that opens the object.
            String prefix = shown.length() == 0 ? "" : shown + ".";
            written = refused.fields().stream()
                    .flatMap(field -> writtenAt(bytes, pointer + "/" + field, prefix + field).stream())
                    .findFirst();
        }
        if (written.isEmpty()) {
            written = writtenAt(bytes, pointer.toString(), path);
        }
        return written.map(value -> where(value.location()) + " (" + value.path() + ")")
                .orElse("line ?, column ? (" + path + ")") + ": " + firstLine(reason);
    }

    /** Where a value starts in the file, and its path in the file's own words. */
    private record Written(JsonLocation location, String path) {
    }

    /** Where the value at {@code pointer}, shown as {@code path}, is in the file as the user wrote it. */
    private Optional<Written> writtenAt(byte[] bytes, String pointer, String path) {
        Optional<JsonLocation> location = locate(bytes, JsonPointer.compile(pointer));
        java.util.regex.Matcher moved = MOVED_WATCHLIST.matcher(pointer);
        if (location.isEmpty() && moved.matches()) {
            // a file with the single "watchlist" of old: point at it as the user wrote it
            location = locate(bytes, JsonPointer.compile("/watchlist" + (moved.group(1) == null ? "" : moved.group(1))));
            path = path.replaceFirst("^watchlists\\.[a-z]+", "watchlist");
        }
        String shownPath = path;
        return location.map(start -> new Written(start, shownPath));
    }

    private static String describeType(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list, such as [\"AAPL\", \"MSFT\"]";
        }
        if (type == String.class) {
            return "a text value";
        }
        return "an object ({ ... })";
    }

    /** Finds where the value at {@code pointer} starts in the original text. */
    private Optional<JsonLocation> locate(byte[] bytes, JsonPointer pointer) {
        try (JsonParser parser = mapper.getFactory().createParser(bytes)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() != JsonToken.FIELD_NAME
                        && parser.currentToken() != JsonToken.END_OBJECT
                        && parser.currentToken() != JsonToken.END_ARRAY
                        && parser.getParsingContext().pathAsPointer().equals(pointer)) {
                    return Optional.of(parser.currentTokenLocation());
                }
            }
        } catch (IOException unreachable) {
            // the text parsed once already; if not, the location is simply unknown
        }
        return Optional.empty();
    }

    /**
     * The first key given twice in one object, said at its second occurrence with where the first
     * is; empty if there is none before the text stops being JSON. Jackson's own refusal ("Duplicate
     * field 'theme'") points just past the second name and says nothing of the first.
     */
    private Optional<String> repeatedKey(byte[] bytes) {
        try (JsonParser parser = mapper.getFactory().createParser(bytes)) {
            parser.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            Deque<Map<String, JsonLocation>> objects = new ArrayDeque<>();
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_OBJECT) {
                    objects.push(new HashMap<>());
                } else if (token == JsonToken.END_OBJECT) {
                    objects.pop();
                } else if (token == JsonToken.FIELD_NAME) {
                    JsonLocation here = parser.currentTokenLocation();
                    JsonLocation first = objects.peek().putIfAbsent(parser.currentName(), here);
                    if (first != null) {
                        return Optional.of(where(here) + " ("
                                + shownPath(parser.getParsingContext()) + "): the setting is given twice (first at "
                                + where(first) + "); keep the value you mean and delete the other");
                    }
                }
            }
        } catch (IOException notJson) {
            // the text stops being JSON before any key repeats: that is its problem
        }
        return Optional.empty();
    }

    /** "alpaca.feed": the path of the value {@code context} is at, in the file's own words. */
    private static String shownPath(JsonStreamContext context) {
        Deque<String> steps = new ArrayDeque<>();
        for (JsonStreamContext step = context; step != null && !step.inRoot(); step = step.getParent()) {
            steps.push(step.inArray() ? "[" + step.getCurrentIndex() + "]" : "." + step.getCurrentName());
        }
        String path = String.join("", steps);
        return PrintableText.of(path.startsWith(".") ? path.substring(1) : path, SHOWN_KEY_CHARS);
    }

    private static String where(JsonLocation location) {
        return location == null ? "line ?, column ?"
                : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /**
     * The parser's message without the text it quotes from the file: "Unrecognized token
     * 'PKSECRET…'" is what a key pasted without its quotes gives, and the file's secrets are not
     * yet known to the log's redaction when the file cannot be read.
     */
    static String withoutInputText(String message) {
        return QUOTED_INPUT.matcher(message).replaceAll(match -> switch (match.group(1)) {
            case "null", "true", "false" -> match.group();
            default -> "'…'";
        });
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown problem";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private SettingsLoad broken(String problem) {
        // The problem may quote a value of the file ("unknown theme '…'"): an escape sequence typed
        // there would act on the terminal and in the log instead of showing.
        String message = "Settings file " + file + " " + (problem.startsWith("line") ? "has a problem at " : "")
                + PrintableText.of(problem, MAX_PROBLEM_CHARS)
                + ". Using the default settings; the file is left unchanged until you fix it.";
        return new SettingsLoad(Settings.DEFAULTS, SettingsLoad.Status.BROKEN, message, List.of());
    }
}

package eu.iucplanner.validation;

import java.util.Collection;
import java.util.stream.Collectors;

/** Helpers for error messages that hold user text: always bounded, never read as a template. */
public final class Messages {

    /** The most characters of a user's value an error message quotes. */
    static final int QUOTED = 60;
    /** The most items of a list an error message names. */
    static final int LISTED = 20;

    private Messages() {
    }

    /**
     * A message template that Bean Validation shows as it is: user text in it (a theme, an id) can hold
     * {@code {}}, {@code $} or {@code \}, which the interpolator would otherwise read as parameters or expressions.
     */
    public static String literal(String message) {
        return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }

    /** A user's value in quotes, cut to a readable length, control characters shown escaped. */
    public static String quote(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder("'");
        for (int i = 0; i < text.length() && i < QUOTED; i++) {
            char c = text.charAt(i);
            out.append(Character.getType(c) == Character.CONTROL ? String.format("\\u%04x", (int) c) : c);
        }
        return out.append(text.length() > QUOTED ? "...'" : "'").toString();
    }

    /** A list for a message: its first items, and how many more there are. */
    public static String list(Collection<?> items) {
        String shown = items.stream().limit(LISTED).map(String::valueOf).collect(Collectors.joining(", "));
        return "[" + shown + (items.size() > LISTED ? ", and " + (items.size() - LISTED) + " more" : "") + "]";
    }
}

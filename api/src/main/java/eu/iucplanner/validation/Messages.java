package eu.iucplanner.validation;

/** Helpers for violation messages built by custom constraints. */
public final class Messages {

    private Messages() {
    }

    /**
     * A message template that Bean Validation shows as it is: user text in it (a theme, an id) can hold
     * {@code {}}, {@code $} or {@code \}, which the interpolator would otherwise read as parameters or expressions.
     */
    public static String literal(String message) {
        return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}

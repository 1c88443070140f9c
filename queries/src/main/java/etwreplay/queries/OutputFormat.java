package etwreplay.queries;

import java.util.Locale;

/** How a query result is written for a person or a program. */
public enum OutputFormat {
    /** Aligned columns for a terminal. */
    TABLE,
    /** RFC 4180, header row, NULL as an empty field. */
    CSV,
    /** An array of objects, one per row; numbers stay strings only where they would lose precision. */
    JSON,
    /** A GitHub-flavoured Markdown table (numbers right-aligned, NULL empty, cells never cut). */
    MARKDOWN;

    public static OutputFormat parse(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The names {@link #parse} accepts, lower case, comma-separated: 'table, csv, json, markdown'. */
    public static String names() {
        return java.util.Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.joining(", "));
    }
}

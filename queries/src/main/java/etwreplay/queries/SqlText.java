package etwreplay.queries;

/** Small lexical helpers over SQL text (DuckDB dialect) for checks that must not look inside comments or strings. */
final class SqlText {
    private SqlText() {
    }

    /**
     * {@code sql} with {@code --} comments removed and the contents of '…' string literals and "…" quoted
     * identifiers blanked (the quotes kept), so keywords can be searched for.
     */
    static String withoutCommentsAndStrings(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                while (i < sql.length() && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '\'' || c == '"') {
                out.append(c);
                i++;
                while (i < sql.length()) {
                    char d = sql.charAt(i++);
                    if (d == c) {
                        if (i < sql.length() && sql.charAt(i) == c) {
                            i++;
                            continue;
                        }
                        break;
                    }
                }
                out.append(c);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}

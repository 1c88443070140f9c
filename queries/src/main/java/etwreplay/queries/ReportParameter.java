package etwreplay.queries;

import java.util.Locale;

/**
 * A parameter a report declares in its header ({@code --   name TYPE  description}). The report reads it
 * with {@code getvariable('name')::TYPE}; the runner sets it with {@code SET VARIABLE name = ?}, the value
 * bound, never spliced into the SQL text. An unset parameter is NULL: the report does not filter on it.
 *
 * @param name        snake_case, as in {@code getvariable('name')}
 * @param type        how a value given as text is read
 * @param description one line, from the header
 */
public record ReportParameter(String name, Type type, String description) {
    /** The SQL types a parameter can have; each parses the text a user gives. */
    public enum Type {
        INTEGER, DOUBLE, VARCHAR, BOOLEAN;

        /**
         * The value of {@code text} as this type (Integer, Double, String or Boolean).
         *
         * @throws IllegalArgumentException naming the expected form when {@code text} is not one
         */
        public Object parse(String text) {
            String t = text.strip();
            try {
                return switch (this) {
                    case INTEGER -> Integer.valueOf(t);
                    case DOUBLE -> {
                        double d = Double.parseDouble(t);
                        if (!Double.isFinite(d)) {
                            throw new NumberFormatException();
                        }
                        yield d;
                    }
                    case VARCHAR -> text;
                    case BOOLEAN -> switch (t.toLowerCase(Locale.ROOT)) {
                        case "true", "yes", "1" -> Boolean.TRUE;
                        case "false", "no", "0" -> Boolean.FALSE;
                        default -> throw new NumberFormatException();
                    };
                };
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not " + expected());
            }
        }

        private String expected() {
            return switch (this) {
                case INTEGER -> "a whole number";
                case DOUBLE -> "a number";
                case VARCHAR -> "text";
                case BOOLEAN -> "true or false";
            };
        }
    }
}

package etwreplay.ingest.store;

import java.util.Locale;
import org.duckdb.DuckDBColumnType;

/**
 * The stored column types of the raw event tables and of replay's derived tables, with how a bulk insert carries each through the Java
 * table function ({@link BatchRowsFunction}) and turns it back into the stored type in SQL. The table
 * function's writable vectors (duckdb_jdbc 1.5) have no MAP or BLOB setters and take UBIGINT only as a
 * BigInteger (one object per value); these three travel as another type and are converted in the
 * {@code INSERT … SELECT}, losslessly.
 */
public enum ColumnKind {
    INTEGER(DuckDBColumnType.INTEGER, "%s"),
    BIGINT(DuckDBColumnType.BIGINT, "%s"),
    /**
     * Carried as the BIGINT with the same 64 bits and reinterpreted: widen to HUGEINT (sign-extended), keep
     * the low 64 bits, cast. Cheapest of the ways measured (5 M values, in memory: setUint64 with a
     * BigInteger +0.30 s, a CASE on the sign +0.18 s, this mask +0.10 s over a plain BIGINT).
     */
    UBIGINT(DuckDBColumnType.BIGINT, "(%s::HUGEINT & 18446744073709551615)::UBIGINT"),
    VARCHAR(DuckDBColumnType.VARCHAR, "%s"),
    BOOLEAN(DuckDBColumnType.BOOLEAN, "%s"),
    /** Carried as a JSON object ({@link MapJson}); DuckDB's json_transform keeps the entries' order. */
    MAP(DuckDBColumnType.VARCHAR, "json_transform(%s, '\"MAP(VARCHAR, VARCHAR)\"')"),
    /** Carried as lower-case hex of the bytes. */
    BLOB(DuckDBColumnType.VARCHAR, "unhex(%s)"),
    /**
     * A column of an ENUM type (replay's categorical columns), carried as its member's text: the INSERT casts
     * it to the column's type, which fails on a value that is not a member, as the Appender's append did.
     */
    ENUM(DuckDBColumnType.VARCHAR, "%s"),
    /** MAP(VARCHAR, INTEGER) (machine.irql_levels), carried as a JSON object with number values. */
    INTEGER_MAP(DuckDBColumnType.VARCHAR, "json_transform(%s, '\"MAP(VARCHAR, INTEGER)\"')");

    /** Type of the table function's column. */
    final DuckDBColumnType carrier;
    private final String toStored;

    ColumnKind(DuckDBColumnType carrier, String toStored) {
        this.carrier = carrier;
        this.toStored = toStored;
    }

    /** The SQL expression that turns the carried column {@code name} into the stored value. */
    String toStored(String name) {
        return String.format(Locale.ROOT, toStored, name);
    }

    /** The kind of a column of DuckDB type {@code dataType} (as information_schema.columns spells it). */
    static ColumnKind of(String dataType) {
        String t = dataType.toUpperCase(Locale.ROOT);
        if (t.startsWith("MAP(")) {
            if (t.equals("MAP(VARCHAR, INTEGER)")) {
                return INTEGER_MAP;
            }
            if (!t.equals("MAP(VARCHAR, VARCHAR)")) {
                throw new IllegalArgumentException("no bulk insert for column type " + dataType);
            }
            return MAP;
        }
        // information_schema spells an ENUM column's type by its members, e.g. ENUM('a', 'b'), not its name.
        if (t.startsWith("ENUM(")) {
            return ENUM;
        }
        try {
            return valueOf(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("no bulk insert for column type " + dataType, e);
        }
    }
}

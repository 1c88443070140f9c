package etwreplay.ingest.format;

import java.util.Locale;

/** The input formats etwreplay reads. The CLI's {@code --format} takes {@link #cliName()}. */
public enum TraceFormat {
    /** {@code xperf -i trace.etl -o out.txt} ("dumper" text); FORMATS.md §1. */
    XPERF_TEXT("xperf"),
    /** Raw binary {@code .etl}; FORMATS.md §8. */
    ETL("etl"),
    /** {@code tracerpt trace.etl -of XML}; FORMATS.md §6. */
    TRACERPT_XML("tracerpt-xml"),
    /** {@code tracerpt trace.etl -of CSV}; FORMATS.md §6. */
    TRACERPT_CSV("tracerpt-csv"),
    /** A WPA / wpaexporter table exported as CSV; FORMATS.md §5. */
    WPA_CSV("wpa-csv");

    private final String cliName;

    TraceFormat(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static TraceFormat fromCliName(String name) {
        for (TraceFormat f : values()) {
            if (f.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "'");
    }
}

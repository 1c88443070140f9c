package etwreplay.cli;

import etwreplay.queries.OutputFormat;
import picocli.CommandLine.Option;

/** The {@code --format} option for results. */
final class FormatOption {
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            converter = Converter.class, description = "Result format: table, csv, json or markdown (default: ${DEFAULT-VALUE}).")
    OutputFormat format = OutputFormat.TABLE;

    static final class Converter implements picocli.CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            try {
                return OutputFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value
                        + "' is not a result format (" + OutputFormat.names() + ")");
            }
        }
    }
}

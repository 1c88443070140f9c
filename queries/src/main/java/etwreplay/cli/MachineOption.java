package etwreplay.cli;

import etwreplay.replay.machine.MachineSpec;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The {@code --machine} option: the recording machine's configuration, when the trace cannot tell. */
final class MachineOption {
    @Option(names = "--machine", paramLabel = "CONFIG", converter = Converter.class,
            description = {"Model of the recording machine (default: inferred from the trace: pointer size, OS"
                + " build, images): " + MachineSpec.FORMS + ".",
                "x86 = 2 GB user space; x86-3gb = /3GB boot; x64-8tb = Windows 8 and earlier; x64 = 8.1+ (128 TB);"
                    + " x64-la57 = 5-level paging."})
    MachineSpec machine;

    static final class Converter implements CommandLine.ITypeConverter<MachineSpec> {
        @Override
        public MachineSpec convert(String value) {
            try {
                return MachineSpec.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}

package etwreplay.robustness;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Ways a trace gets damaged in the wild (a machine dying mid-trace, a bad copy, a hostile sender), each
 * a deterministic function of the input and a seeded {@link Random}. Byte-level kinds apply to every
 * format; line-level kinds to text formats.
 */
public enum Mutation {
    TRUNCATE(false) {
        @Override
        public byte[] apply(byte[] in, Random r) {
            return Arrays.copyOf(in, r.nextInt(Math.max(1, in.length)));
        }
    },
    BIT_FLIPS(false) {
        @Override
        public byte[] apply(byte[] in, Random r) {
            byte[] out = in.clone();
            int flips = 1 + r.nextInt(16);
            for (int i = 0; i < flips && out.length > 0; i++) {
                out[r.nextInt(out.length)] ^= (byte) (1 << r.nextInt(8));
            }
            return out;
        }
    },
    ZEROED_BLOCK(false) {
        @Override
        public byte[] apply(byte[] in, Random r) {
            byte[] out = in.clone();
            int len = Math.min(out.length, 1 + r.nextInt(4096));
            int at = r.nextInt(Math.max(1, out.length - len + 1));
            Arrays.fill(out, at, Math.min(out.length, at + len), (byte) 0);
            return out;
        }
    },
    SWAPPED_BLOCKS(false) {
        @Override
        public byte[] apply(byte[] in, Random r) {
            byte[] out = in.clone();
            int len = Math.min(out.length / 2, 1 + r.nextInt(2048));
            if (len == 0) {
                return out;
            }
            int a = r.nextInt(out.length - len + 1);
            int b = r.nextInt(out.length - len + 1);
            byte[] tmp = Arrays.copyOfRange(out, a, a + len);
            System.arraycopy(out, b, out, a, len);
            System.arraycopy(tmp, 0, out, b, len);
            return out;
        }
    },
    DUPLICATED_LINES(true) {
        @Override
        public byte[] apply(byte[] in, Random r) {
            List<String> lines = lines(in);
            int at = r.nextInt(lines.size());
            int n = 1 + r.nextInt(5);
            for (int i = 0; i < n; i++) {
                lines.add(at, lines.get(at));
            }
            return join(lines);
        }
    },
    SHUFFLED_LINES(true) {
        @Override
        public byte[] apply(byte[] in, Random r) {
            List<String> lines = lines(in);
            int from = r.nextInt(lines.size());
            int to = Math.min(lines.size(), from + 2 + r.nextInt(30));
            Collections.shuffle(lines.subList(from, to), r);
            return join(lines);
        }
    },
    OVERSIZE_FIELD(true) {
        @Override
        public byte[] apply(byte[] in, Random r) {
            List<String> lines = lines(in);
            int at = r.nextInt(lines.size());
            String line = lines.get(at);
            int comma = line.indexOf(',', r.nextInt(Math.max(1, line.length())));
            String big = "A".repeat(50_000 + r.nextInt(200_000));
            lines.set(at, comma < 0 ? line + big : line.substring(0, comma + 1) + big + line.substring(comma));
            return join(lines);
        }
    },
    OVERSIZE_LINE(true) {
        @Override
        public byte[] apply(byte[] in, Random r) {
            List<String> lines = lines(in);
            lines.add(r.nextInt(lines.size()), "CSwitch, 1, " + "9,".repeat(600_000 + r.nextInt(100_000)));
            return join(lines);
        }
    },
    WRONG_ENCODING(false) {
        @Override
        public byte[] apply(byte[] in, Random r) {
            switch (r.nextInt(3)) {
                case 0:
                    // UTF-16 without a byte-order mark: every other byte is NUL.
                    return new String(in, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.UTF_16LE);
                case 1: {
                    byte[] out = in.clone();
                    for (int i = 0; i < 8 && out.length > 0; i++) {
                        out[r.nextInt(out.length)] = (byte) (0x80 + r.nextInt(0x80)); // stray UTF-8 continuation
                    }
                    return out;
                }
                default: {
                    byte[] bom = {(byte) 0xFF, (byte) 0xFE};
                    byte[] out = new byte[in.length + 2];
                    System.arraycopy(bom, 0, out, 0, 2);
                    System.arraycopy(in, 0, out, 2, in.length);
                    return out; // claims UTF-16 but is not
                }
            }
        }
    },
    NUMBERS_OUT_OF_RANGE(true) {
        private final String[] values = {"99999999999999999999999", "-99999999999999999999", "0xFFFFFFFFFFFFFFFFFFFF",
            "-1", "4294967296", "NaN", "1e400", "0x", "-0"};

        @Override
        public byte[] apply(byte[] in, Random r) {
            List<String> lines = lines(in);
            for (int k = 0; k < 1 + r.nextInt(10); k++) {
                int at = r.nextInt(lines.size());
                String[] fields = lines.get(at).split(",", -1);
                if (fields.length > 1) {
                    fields[1 + r.nextInt(fields.length - 1)] = " " + values[r.nextInt(values.length)];
                    lines.set(at, String.join(",", fields));
                }
            }
            return join(lines);
        }
    },
    TIMESTAMPS_BACKWARDS(true) {
        @Override
        public byte[] apply(byte[] in, Random r) {
            List<String> lines = lines(in);
            for (int k = 0; k < 1 + r.nextInt(10); k++) {
                int at = r.nextInt(lines.size());
                String[] fields = lines.get(at).split(",", -1);
                if (fields.length > 2 && fields[1].strip().matches("-?\\d+")) {
                    fields[1] = " " + (-1 - r.nextInt(1_000_000));
                    lines.set(at, String.join(",", fields));
                }
            }
            return join(lines);
        }
    };

    private final boolean textOnly;

    Mutation(boolean textOnly) {
        this.textOnly = textOnly;
    }

    public boolean textOnly() {
        return textOnly;
    }

    public abstract byte[] apply(byte[] in, Random r);

    static List<String> lines(byte[] in) {
        return new ArrayList<>(Arrays.asList(new String(in, StandardCharsets.ISO_8859_1).split("\n", -1)));
    }

    static byte[] join(List<String> lines) {
        return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
    }
}

package etwreplay.ingest.event;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * IRP_MJ_* codes and names. Source: wdm.h l.5597-5627 (SCHEMAS.md §5.2). Readers that see names
 * (e.g. {@code IRP_MJ_READ}) store the code so that {@code driver_irp.major_function} is always numeric.
 */
public final class IrpMajorFunction {
    /** Index = code. */
    private static final List<String> NAMES = List.of("CREATE", "CREATE_NAMED_PIPE", "CLOSE", "READ", "WRITE",
            "QUERY_INFORMATION", "SET_INFORMATION", "QUERY_EA", "SET_EA", "FLUSH_BUFFERS",
            "QUERY_VOLUME_INFORMATION", "SET_VOLUME_INFORMATION", "DIRECTORY_CONTROL", "FILE_SYSTEM_CONTROL",
            "DEVICE_CONTROL", "INTERNAL_DEVICE_CONTROL", "SHUTDOWN", "LOCK_CONTROL", "CLEANUP", "CREATE_MAILSLOT",
            "QUERY_SECURITY", "SET_SECURITY", "POWER", "SYSTEM_CONTROL", "DEVICE_CHANGE", "QUERY_QUOTA", "SET_QUOTA",
            "PNP");
    private static final Map<String, Integer> CODES = new HashMap<>();

    public static final int DEVICE_CONTROL = 0x0e;
    public static final int INTERNAL_DEVICE_CONTROL = 0x0f;

    static {
        for (int i = 0; i < NAMES.size(); i++) {
            CODES.put(NAMES.get(i), i);
        }
        CODES.put("SCSI", INTERNAL_DEVICE_CONTROL); // IRP_MJ_SCSI = IRP_MJ_INTERNAL_DEVICE_CONTROL
        CODES.put("PNP_POWER", 0x1b);
    }

    private IrpMajorFunction() {
    }

    /** {@code IRP_MJ_READ}, {@code READ} or {@code Read} → 3; null when not a known name. */
    public static Integer codeOf(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
        if (n.startsWith("IRP_MJ_")) {
            n = n.substring(7);
        }
        return CODES.get(n);
    }

    /** 3 → {@code IRP_MJ_READ}; null when out of range. */
    public static String nameOf(int code) {
        return code >= 0 && code < NAMES.size() ? "IRP_MJ_" + NAMES.get(code) : null;
    }
}

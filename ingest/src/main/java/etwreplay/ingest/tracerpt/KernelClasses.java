package etwreplay.ingest.tracerpt;

import java.util.Locale;
import java.util.Map;

/**
 * Event-class GUIDs of the NT Kernel Logger (MSNT_SystemTrace) and the class names tracerpt prints for
 * them (RenderingInfo/EventName in XML, "Event Name" in CSV). Source: SCHEMAS.md §1.1 (process.md,
 * thread-v2.md, diskio.md, fileio.md, perfinfo.md; TraceEvent {@code *TaskGuid}).
 */
final class KernelClasses {
    static final String EVENT_TRACE = "68fdd900-4a3e-11d1-84f4-0000f80464e3";
    static final String PROCESS = "3d6fa8d0-fe05-11d0-9dda-00c04fd7ba7c";
    static final String THREAD = "3d6fa8d1-fe05-11d0-9dda-00c04fd7ba7c";
    static final String PAGE_FAULT = "3d6fa8d3-fe05-11d0-9dda-00c04fd7ba7c";
    static final String DISK_IO = "3d6fa8d4-fe05-11d0-9dda-00c04fd7ba7c";
    static final String FILE_IO = "90cbdc39-4a3e-11d1-84f4-0000f80464e3";
    static final String IMAGE = "2cb15d1d-5fc1-11d2-abe1-00a0c911f518";
    static final String PERF_INFO = "ce1dbfb4-137e-4da6-87b0-3f59aa102cbc";
    static final String STACK_WALK = "def2fe46-7bd6-4b80-bd94-f57fe20d0ce3";

    /** Class name → GUID. */
    private static final Map<String, String> BY_NAME = Map.of("EventTrace", EVENT_TRACE, "Process", PROCESS,
            "Thread", THREAD, "PageFault", PAGE_FAULT, "DiskIo", DISK_IO, "FileIo", FILE_IO, "Image", IMAGE,
            "PerfInfo", PERF_INFO, "StackWalk", STACK_WALK);

    private KernelClasses() {
    }

    /** The class GUID tracerpt's class name stands for, or null. */
    static String guidOf(String className) {
        return className == null ? null : BY_NAME.get(className.strip());
    }

    /** {@code {3D6FA8D1-…}} → {@code 3d6fa8d1-…}; null stays null. */
    static String normalizeGuid(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.startsWith("{") && s.endsWith("}")) {
            s = s.substring(1, s.length() - 1);
        }
        return s.isEmpty() ? null : s.toLowerCase(Locale.ROOT);
    }
}

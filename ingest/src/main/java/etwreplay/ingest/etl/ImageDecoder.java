package etwreplay.ingest.etl;

import etwreplay.ingest.event.ImageEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Image Load/Unload/DCStart/DCEnd, V0–V3 (SCHEMAS.md §1.6). V0 names its fields BaseAddress,
 * ModuleSize and ImageFileName; V3 splits Reserved0 into SignatureLevel/SignatureType (kept in
 * {@code extra}). {@code file_name} is the NT path as logged (e.g. {@code \Device\HarddiskVolume2\…}).
 */
final class ImageDecoder implements KernelDecoder {
    private static final int IMAGE_BASE = Fields.id("ImageBase");
    private static final int BASE_ADDRESS = Fields.id("BaseAddress");
    private static final int IMAGE_SIZE = Fields.id("ImageSize");
    private static final int MODULE_SIZE = Fields.id("ModuleSize");
    private static final int PROCESS_ID = Fields.id("ProcessId");
    private static final int CHECKSUM = Fields.id("ImageChecksum");
    private static final int TIME_DATE_STAMP = Fields.id("TimeDateStamp");
    private static final int DEFAULT_BASE = Fields.id("DefaultBase");
    private static final int FILE_NAME = Fields.id("FileName");
    private static final int IMAGE_FILE_NAME = Fields.id("ImageFileName");
    private static final int SIGNATURE_LEVEL = Fields.id("SignatureLevel");
    private static final int SIGNATURE_TYPE = Fields.id("SignatureType");

    private final String kind;

    ImageDecoder(String kind) {
        this.kind = kind;
    }

    @Override
    public void decode(Payload p, DecodeContext c) {
        Integer pid = p.id(PROCESS_ID);
        Long base = p.has(IMAGE_BASE) ? p.number(IMAGE_BASE) : p.number(BASE_ADDRESS);
        Long size = p.has(IMAGE_SIZE) ? p.number(IMAGE_SIZE) : p.number(MODULE_SIZE);
        String file = p.has(FILE_NAME) ? p.string(FILE_NAME) : p.string(IMAGE_FILE_NAME);
        Map<String, String> extra = null;
        if (p.has(SIGNATURE_LEVEL)) {
            extra = new LinkedHashMap<>();
            extra.put("SignatureLevel", String.valueOf(p.number(SIGNATURE_LEVEL)));
            extra.put("SignatureType", String.valueOf(p.number(SIGNATURE_TYPE)));
        }
        c.emit(new ImageEvent(c.ts, c.cpu, kind, pid, c.owners.nameOf(pid), base, size, p.number(CHECKSUM),
                p.number(TIME_DATE_STAMP), p.number(DEFAULT_BASE), file), extra);
    }
}

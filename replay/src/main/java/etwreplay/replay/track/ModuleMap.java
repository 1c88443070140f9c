package etwreplay.replay.track;

import etwreplay.replay.machine.AddressClass;
import etwreplay.replay.machine.MachineSpec;
import etwreplay.replay.scan.ReplayEvent;
import java.util.Map;
import java.util.TreeMap;

/**
 * Load ranges of kernel-mode images (drivers, the kernel itself), to name the module an ISR/DPC or
 * dispatch routine lies in. User-mode images are not kept: those routines are kernel code. Memory
 * follows the loaded set. One thread.
 */
public final class ModuleMap {
    private record Module(long base, long size, String name) {
    }

    private final MachineSpec machine;
    private final TreeMap<Long, Module> byBase = new TreeMap<>(Long::compareUnsigned);

    public ModuleMap(MachineSpec machine) {
        this.machine = machine;
    }

    public void onImage(ReplayEvent.Image e) {
        if (e.base() == null) {
            return;
        }
        boolean kernel = e.pid() != null && (e.pid() == 0 || e.pid() == 4)
                || machine.classify(e.base()) == AddressClass.KERNEL;
        if (!kernel) {
            return;
        }
        if ("Unload".equals(e.kind())) {
            byBase.remove(e.base());
        } else if (e.size() != null && e.size() != 0) {
            byBase.put(e.base(), new Module(e.base(), e.size(), baseName(e.fileName())));
        }
    }

    /** The file name of the kernel image containing {@code address}, or null. */
    public String moduleAt(Long address) {
        if (address == null) {
            return null;
        }
        Map.Entry<Long, Module> e = byBase.floorEntry(address);
        if (e == null) {
            return null;
        }
        Module m = e.getValue();
        return Long.compareUnsigned(address - m.base(), m.size()) < 0 ? m.name() : null;
    }

    /** {@code \SystemRoot\System32\drivers\storport.sys} → {@code storport.sys}. */
    static String baseName(String path) {
        if (path == null) {
            return null;
        }
        int cut = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
        return path.substring(cut + 1);
    }

    /** The module part of a symbol like {@code storport.sys!RaidpAdapterDpcRoutine}, or null. */
    public static String moduleOfSymbol(String symbol) {
        if (symbol == null) {
            return null;
        }
        int bang = symbol.indexOf('!');
        return bang > 0 ? symbol.substring(0, bang).trim() : null;
    }
}

package etwreplay.bench.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The simulated machine's processes, threads, kernel modules (with a few named routines each) and open
 * files: built once from the seed, then only read. Kernel addresses are x64-style; a 32-bit trace keeps
 * their low 32 bits moved into the x86 kernel half (see {@link #narrow}).
 */
final class Entities {
    /** A process: pid, image name, EPROCESS key, CR3 (DirectoryTableBase). */
    record Proc(int pid, int parentPid, String name, long key, long dtb, String commandLine, int session) {
    }

    /** A thread. {@code idle} threads (tid 0) are per-CPU and never block. */
    static final class Thr {
        final int tid;
        final Proc proc;
        final int basePriority;
        final long stackBase;
        final long userStackBase;
        final long teb;
        final Routine start;
        /** Scheduling state, owned by {@link TraceModel}. */
        int state;
        long readyAt;
        long lastRan;

        Thr(int tid, Proc proc, int basePriority, long stackBase, long userStackBase, long teb, Routine start) {
            this.tid = tid;
            this.proc = proc;
            this.basePriority = basePriority;
            this.stackBase = stackBase;
            this.userStackBase = userStackBase;
            this.teb = teb;
            this.start = start;
        }

        boolean idle() {
            return tid == 0;
        }
    }

    /** A loaded image (kernel module or process executable). */
    record Img(int pid, Proc proc, long base, long size, int checksum, int timeDateStamp, String path,
            String fileName) {
    }

    /** A code address with the module and function a symbolising exporter would print. */
    record Routine(long address, Img module, String function) {
        String symbol() {
            return module.fileName() + "!" + function;
        }
    }

    /** An open file: FILE_OBJECT, FileKey (the name's key), NT path. */
    record FileObj(long fileObject, long fileKey, String path, int disk, long diskBase) {
    }

    final Proc idleProc;
    final Proc systemProc;
    final List<Proc> procs = new ArrayList<>();
    final List<Thr> threads = new ArrayList<>();
    final Thr[] idleThreads;
    final List<Img> images = new ArrayList<>();
    final List<FileObj> files = new ArrayList<>();
    final Routine timerDpc;
    final Routine timerDpc2;
    final Routine diskIsr;
    final Routine diskDpc;
    final Routine netIsr;
    final Routine netDpc;
    final Routine fsDispatch;
    final Routine diskDispatch;
    final Routine complRoutine;
    final Routine fsComplete;
    final Routine idleLoop;
    final Routine kernelCopy;
    final List<Routine> userCode = new ArrayList<>();

    Entities(Random r, int cpus, int processCount, int threadsPerProcess) {
        idleProc = new Proc(0, 0, "Idle", 0xfffff8001f0c9f40L, 0x1aa000L, null, 0);
        systemProc = new Proc(4, 0, "System", 0xffffc0010001e080L, 0x1ad000L, null, 0);
        procs.add(idleProc);
        procs.add(systemProc);
        Img ntos = kernelImage("ntoskrnl.exe", 0xfffff80012000000L, 0x1000000L);
        Img stornvme = kernelImage("stornvme.sys", 0xfffff80020000000L, 0x40000L);
        Img storport = kernelImage("storport.sys", 0xfffff80020100000L, 0x100000L);
        Img ntfs = kernelImage("Ntfs.sys", 0xfffff80020400000L, 0x300000L);
        Img ndis = kernelImage("ndis.sys", 0xfffff80020800000L, 0x150000L);
        Img netadp = kernelImage("e1i68x64.sys", 0xfffff80020a00000L, 0x80000L);
        timerDpc = new Routine(0xfffff80012b00000L, ntos, "KiTimerExpirationDpc");
        timerDpc2 = new Routine(0xfffff80012b04200L, ntos, "PopCheckForIdleness");
        idleLoop = new Routine(0xfffff80012400100L, ntos, "KiIdleLoop");
        kernelCopy = new Routine(0xfffff80012455580L, ntos, "RtlCopyMemory");
        diskIsr = new Routine(0xfffff80020001230L, stornvme, "NVMeMSIxIsr");
        diskDpc = new Routine(0xfffff80020105670L, storport, "RaidpAdapterDpcRoutine");
        netIsr = new Routine(0xfffff80020a01120L, netadp, "E1000Isr");
        netDpc = new Routine(0xfffff80020801040L, ndis, "ndisInterruptDpc");
        fsDispatch = new Routine(0xfffff80020410200L, ntfs, "NtfsFsdRead");
        diskDispatch = new Routine(0xfffff80020002000L, stornvme, "NVMeStartIo");
        complRoutine = new Routine(0xfffff80020420300L, ntfs, "NtfsMasterIrpSyncCompletionRoutine");
        fsComplete = new Routine(0xfffff80012470000L, ntos, "IopfCompleteRequest");

        idleThreads = new Thr[cpus];
        for (int c = 0; c < cpus; c++) {
            idleThreads[c] = new Thr(0, idleProc, 0, 0xfffff8001f300000L + 0x10000L * c, 0, 0, idleLoop);
        }
        int nextTid = 8;
        for (int i = 0; i < 6; i++) {
            threads.add(new Thr(nextTid, systemProc, 13, 0xfffff8001f400000L + 0x10000L * i, 0, 0, timerDpc2));
            nextTid += 4;
        }
        String[] names = {"explorer.exe", "svchost.exe", "chrome.exe", "sqlservr.exe", "MsMpEng.exe", "devenv.exe",
            "java.exe", "code.exe", "SearchIndexer.exe", "outlook.exe"};
        int pid = 600;
        for (int p = 0; p < processCount; p++) {
            String name = names[p % names.length];
            pid += 4 * (1 + r.nextInt(60));
            Proc proc = new Proc(pid, 600, name, 0xffffc00100000080L + 0x100000L * (p + 1),
                    0x10000000L + 0x1000000L * (p + 1), "\"C:\\Program Files\\App" + p + "\\" + name + "\" --id=" + p,
                    1);
            procs.add(proc);
            long exeBase = 0x7ff6a0000000L + 0x10000000L * p;
            Img exe = new Img(pid, proc, exeBase, 0x25000L, 0x151515 + p, 1650000000 + p,
                    "\\Device\\HarddiskVolume3\\Program Files\\App" + p + "\\" + name, name);
            images.add(exe);
            for (int f = 0; f < 4; f++) {
                userCode.add(new Routine(exeBase + 0x1000 + 0x400L * f, exe, "Worker" + f));
            }
            for (int t = 0; t < threadsPerProcess; t++) {
                nextTid += 4;
                long ustack = 0xa0c4500000L + 0x1000000L * (p * 64L + t);
                threads.add(new Thr(nextTid, proc, 8 + r.nextInt(3), 0xffffe50123450000L + 0x8000L * nextTid,
                        ustack, 0xa0c4301000L + 0x2000L * (p * 64L + t), userCode.get(userCode.size() - 1 - r.nextInt(4))));
            }
            for (int f = 0; f < 3; f++) {
                long fo = 0xffffc0011f000000L + 0x1000L * (files.size() + 1);
                files.add(new FileObj(fo, fo + 0x800, "\\Device\\HarddiskVolume3\\data\\p" + p + "\\file" + f + ".db",
                        r.nextInt(2), 0x100000L * r.nextInt(1 << 16)));
            }
        }
    }

    private Img kernelImage(String name, long base, long size) {
        Img i = new Img(0, idleProc, base, size, 0xa1b2c3 + images.size(), 0x5f3e2a10 + images.size(),
                "\\SystemRoot\\System32\\drivers\\" + name, name);
        images.add(i);
        return i;
    }

    /**
     * An address as a trace of {@code pointerSize} holds it: unchanged for 8; for 4, kernel addresses move
     * to 0x8xxxxxxx (the x86 kernel half, SCHEMAS.md §4.1) and user addresses keep their low 31 bits.
     */
    static long narrow(long address, int pointerSize) {
        if (pointerSize == 8 || address == 0) {
            return address;
        }
        if (address < 0) {
            return 0x80000000L | (address & 0x7fffffffL);
        }
        return address & 0x7fffffffL;
    }
}

package etwreplay.bench.gen;

/**
 * The generator's events, format-neutral: what {@link TraceModel} decides happened, which each writer
 * renders in its format's own terms (SCHEMAS.md §1 for names, fields and layouts). {@code tick} is in
 * 100 ns units since the trace start (a 10 MHz clock); every tick is unique across the whole trace, so
 * that time order is the same in every format whatever its tie-breaking.
 */
sealed interface Ev {
    long tick();

    int cpu();

    /** The canonical table the event lands in (for the expected counts). */
    String table();

    record ProcessRundown(long tick, int cpu, Entities.Proc p) implements Ev {
        public String table() {
            return "process";
        }
    }

    record ThreadRundown(long tick, int cpu, Entities.Thr t) implements Ev {
        public String table() {
            return "thread";
        }
    }

    record ImageRundown(long tick, int cpu, Entities.Img i) implements Ev {
        public String table() {
            return "image";
        }
    }

    record FileRundown(long tick, int cpu, Entities.FileObj f) implements Ev {
        public String table() {
            return "file_io";
        }
    }

    /** KTHREAD_STATE and KWAIT_REASON numbers: SCHEMAS.md §1.4. */
    record CSwitch(long tick, int cpu, Entities.Thr next, Entities.Thr prev, int prevState, int waitReason,
            int waitMode, int idealCpu, int nextWaitTime, int previousCState, long nextSinceLastTicks,
            long prevRunTicks) implements Ev {
        public String table() {
            return "cswitch";
        }
    }

    record ReadyThread(long tick, int cpu, Entities.Thr readied, Entities.Thr readying, int adjustReason,
            int adjustIncrement, boolean fromDpc) implements Ev {
        public String table() {
            return "ready_thread";
        }
    }

    /** opcode 68 DPC or 69 TimerDPC (SCHEMAS.md §1.7). */
    record Dpc(long tick, int cpu, long initialTick, int opcode, Entities.Routine routine) implements Ev {
        public String table() {
            return "dpc";
        }
    }

    record Isr(long tick, int cpu, long initialTick, Entities.Routine routine, int vector, boolean claimed)
            implements Ev {
        public String table() {
            return "isr";
        }
    }

    /** DiskIo ReadInit 12 / WriteInit 13, logged by the issuing thread. */
    record DiskInit(long tick, int cpu, boolean write, long irp, Entities.Thr issuer) implements Ev {
        public String table() {
            return "disk_io";
        }
    }

    /** DiskIo Read 10 / Write 11, logged at completion (inside the completing DPC). */
    record DiskDone(long tick, int cpu, boolean write, long irp, Entities.Thr issuer, int disk, int irpFlags,
            int size, long byteOffset, Entities.FileObj file, long responseTicks) implements Ev {
        public String table() {
            return "disk_io";
        }
    }

    /** FileIo Read 67 / Write 68, logged at the start of the operation by the requesting thread. */
    record FileOp(long tick, int cpu, boolean write, long irp, Entities.Thr thread, Entities.FileObj file,
            long offset, int size, int ioFlags) implements Ev {
        public String table() {
            return "file_io";
        }
    }

    /** FileIo OperationEnd 76. */
    record FileOpEnd(long tick, int cpu, long irp, Entities.Thr thread, Entities.FileObj file, long extraInfo,
            int status, boolean write, long elapsedTicks) implements Ev {
        public String table() {
            return "file_io";
        }
    }

    /** DiskIo DrvMjFnCall 34. */
    record DriverCall(long tick, int cpu, long irp, Entities.Thr thread, int major, int minor,
            Entities.Routine routine, Entities.FileObj file, int matchId) implements Ev {
        public String table() {
            return "driver_irp";
        }
    }

    /** DiskIo DrvMjFnRet 35. */
    record DriverReturn(long tick, int cpu, long irp, Entities.Thr thread, int matchId) implements Ev {
        public String table() {
            return "driver_irp";
        }
    }

    /** DiskIo DrvComplReq 52 (with a routine), DrvComplRout 37 (with a routine), DrvComplReqRet 53. */
    record DriverCompletion(long tick, int cpu, int opcode, long irp, Entities.Thr context,
            Entities.Routine routine, int matchId) implements Ev {
        public String table() {
            return "driver_irp";
        }
    }

    /** PageFault TransitionFault 10 / DemandZeroFault 11. */
    record PageFault(long tick, int cpu, Entities.Thr thread, int opcode, long va, long pc,
            Entities.Routine pcRoutine) implements Ev {
        public String table() {
            return "page_fault";
        }
    }

    /** PageFault HardFault 32, logged at completion. */
    record HardFault(long tick, int cpu, Entities.Thr thread, long initialTick, long readOffset, long va,
            Entities.FileObj file, int bytes) implements Ev {
        public String table() {
            return "page_fault";
        }
    }

    /** PerfInfo SampledProfile 46. */
    record Sample(long tick, int cpu, Entities.Thr thread, long ip, Entities.Routine routine, boolean inDpc)
            implements Ev {
        public String table() {
            return "sample";
        }
    }
}

package etwreplay.replay.scan;

/**
 * One raw-table row as the replay needs it, read by {@link OrderedScan}. {@code ts} is the row's own time
 * stamp; {@code cpu} is null when the source did not say; {@code seq} is the raw row's arrival order.
 * Addresses are unsigned values in {@code long}; null means "not recorded".
 *
 * <p>Order of the scan ({@link #compareTo}): by {@link #sortTs()}, then {@link #phase()}, then
 * {@link #sub()}, then {@code seq}. A span (DPC/ISR) is replayed at its <em>entry</em>, so that it is
 * known before the events that happen inside it; the events of lifecycle phase (process, thread,
 * image, context switch) come first at equal time, then span entries (outer before inner), then the
 * rest.
 */
public sealed interface ReplayEvent extends Comparable<ReplayEvent> {
    int PHASE_LIFECYCLE = 0;
    int PHASE_SPAN = 1;
    int PHASE_EVENT = 2;

    long ts();

    long seq();

    /** The instant the event describes, used for ordering. */
    default long sortTs() {
        return ts();
    }

    default int phase() {
        return PHASE_EVENT;
    }

    /** Tie-breaker within a phase (spans: longer first). */
    default long sub() {
        return 0;
    }

    @Override
    default int compareTo(ReplayEvent o) {
        int c = Long.compare(sortTs(), o.sortTs());
        if (c == 0) {
            c = Integer.compare(phase(), o.phase());
        }
        if (c == 0) {
            c = Long.compare(sub(), o.sub());
        }
        return c != 0 ? c : Long.compare(seq(), o.seq());
    }

    /** {@code process}: Start | End | DCStart | DCEnd | Defunct. */
    record Process(long ts, long seq, String kind, Integer pid, Long directoryTableBase, String imageName)
            implements ReplayEvent {
        @Override
        public int phase() {
            return PHASE_LIFECYCLE;
        }
    }

    /** {@code thread}: Start | End | DCStart | DCEnd. */
    record Thread(long ts, long seq, String kind, Integer pid, Integer tid, String processName)
            implements ReplayEvent {
        @Override
        public int phase() {
            return PHASE_LIFECYCLE;
        }
    }

    /** {@code image}: Load | Unload | DCStart | DCEnd; [base, base + size). */
    record Image(long ts, long seq, String kind, Integer pid, Long base, Long size, String fileName)
            implements ReplayEvent {
        @Override
        public int phase() {
            return PHASE_LIFECYCLE;
        }
    }

    /** {@code cswitch}: {@code newTid} starts running on {@code cpu} at {@code ts}. */
    record CSwitch(long ts, Integer cpu, long seq, Integer newPid, Integer newTid, String newProcessName,
            Integer oldPid, Integer oldTid) implements ReplayEvent {
        @Override
        public int phase() {
            return PHASE_LIFECYCLE;
        }
    }

    /** {@code ready_thread}. */
    record Ready(long ts, Integer cpu, long seq, Integer readiedTid, Boolean fromDpc) implements ReplayEvent {
    }

    /**
     * A {@code dpc} or {@code isr} row: the span [{@code initialTs}, {@code ts}]. {@code initialTs} null
     * means the entry was not recorded.
     */
    record Span(long ts, Integer cpu, long seq, String table, String kind, Long initialTs, Long routine,
            String routineSymbol, Integer vector) implements ReplayEvent {
        @Override
        public long sortTs() {
            return initialTs != null ? Math.min(initialTs, ts) : ts;
        }

        @Override
        public int phase() {
            return PHASE_SPAN;
        }

        @Override
        public long sub() {
            return -ts;
        }
    }

    /** {@code disk_io}: Read | Write | Flush (completion) and ReadInit | WriteInit | FlushInit (issue). */
    record Disk(long ts, Integer cpu, long seq, String kind, Integer pid, Integer tid, String processName, Long irp,
            Long transferSize, Long fileObject, String fileName, Long elapsedNs) implements ReplayEvent {
    }

    /** {@code file_io} begin kinds and OpEnd (name events are not read). */
    record File(long ts, Integer cpu, long seq, String kind, Integer pid, Integer tid, String processName, Long irp,
            Long fileObject, String fileName, Long size, Long elapsedNs, Long ntStatus, String opType,
            Long controlCode) implements ReplayEvent {
    }

    /** {@code driver_irp}. */
    record Driver(long ts, Integer cpu, long seq, String kind, Integer pid, Integer tid, Long irp, Long uniqMatchId,
            Integer majorFunction, Integer minorFunction, Long routine, String routineSymbol, Long fileObject,
            String fileName, Long controlCode) implements ReplayEvent {
    }

    /** {@code page_fault}; replayed at {@code initialTs} (HardFault: when the fault happened) when known. */
    record Fault(long ts, Integer cpu, long seq, String kind, Integer pid, Integer tid, Long virtualAddress,
            Long programCounter, String pcSymbol, Long initialTs) implements ReplayEvent {
        @Override
        public long sortTs() {
            return initialTs != null ? Math.min(initialTs, ts) : ts;
        }
    }

    /** {@code sample} (SampledProfile). */
    record Sample(long ts, Integer cpu, long seq, Integer pid, Integer tid, String processName,
            Long instructionPointer, String ipSymbol, Boolean executingDpc, Boolean executingIsr)
            implements ReplayEvent {
    }
}

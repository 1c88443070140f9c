package etwreplay.bench.gen;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.TreeMap;
import java.util.Map;

/**
 * A seeded, deterministic simulation of a busy multi-processor machine, emitting {@link Ev}s in time
 * order: context switches with ready-thread wake-ups (from threads and from DPCs), timer DPCs with
 * nested interrupts, network ISR → DPC, page faults (soft and hard), CPU samples (some inside DPCs),
 * and file reads/writes that go to disk: FileIo begin → DrvMjFnCall/DiskInit/DrvMjFnRet in the
 * requesting thread → the thread waits → later, on whatever processor, ISR → DPC running DiskIo
 * completion, DrvComplReq/DrvComplRout/DrvComplReqRet, FileIo OpEnd and ReadyThread (from a DPC) →
 * the thread is switched in again. Each processor's events are sequential (nothing overlaps on one
 * processor except an ISR nested in a DPC, as on real hardware); processors interleave.
 *
 * <p>Time: each processor advances in slots of 16 ticks (1.6 µs) and logs at tick
 * {@code slot × 16 + cpu}, so no two events share a tick. Not thread-safe.
 */
final class TraceModel {
    /** Thread states of the model (not KTHREAD_STATE). */
    private static final int READY = 0;
    private static final int RUNNING = 1;
    private static final int WAITING = 2;
    private static final int IO = 3;
    private static final int SLOT = 16;

    /** KTHREAD_STATE (SCHEMAS.md §1.4). */
    static final int STATE_READY = 1;
    static final int STATE_RUNNING = 2;
    static final int STATE_WAITING = 5;
    /** KWAIT_REASON (SCHEMAS.md §1.4). */
    static final int WAIT_EXECUTIVE = 0;
    static final int WAIT_USER_REQUEST = 6;
    static final int WAIT_QUEUE = 15;
    static final int WAIT_QUANTUM_END = 30;
    static final int WAIT_PREEMPTED = 32;

    /** Model parameters. */
    record Params(long seed, int cpus, int processes, int threadsPerProcess, long targetEvents) {
        static Params of(long seed, long targetEvents) {
            return new Params(seed, 8, 40, 8, targetEvents);
        }
    }

    /** A disk request between its issue and its completion. */
    private record Request(long due, long issueTick, long fileIrp, long diskIrp, Entities.Thr thread,
            Entities.FileObj file, boolean write, int size, long offset) {
    }

    private final Params params;
    private final Random r;
    final Entities world;
    private final long[] slot;
    private final Entities.Thr[] current;
    private final long[] switchedInAt;
    private final List<Entities.Thr> ready = new ArrayList<>();
    private final List<Entities.Thr> waiting = new ArrayList<>();
    private final PriorityQueue<Request> inFlight = new PriorityQueue<>((a, b) -> Long.compare(a.due, b.due));
    private final PriorityQueue<Ev> pending = new PriorityQueue<>((a, b) -> Long.compare(a.tick(), b.tick()));
    /** Freed IRP addresses and the tick each was freed at, oldest first (reused only after that tick). */
    private final ArrayDeque<long[]> freeIrps = new ArrayDeque<>();
    private long nextIrp = 0xffffc0010a2b0010L;
    private int matchId = 0x1000;
    private long emitted;
    private final Map<String, Long> counts = new TreeMap<>();
    private EventWriter out;

    TraceModel(Params params) {
        this.params = params;
        this.r = new Random(params.seed());
        this.world = new Entities(r, params.cpus(), params.processes(), params.threadsPerProcess());
        this.slot = new long[params.cpus()];
        this.current = new Entities.Thr[params.cpus()];
        this.switchedInAt = new long[params.cpus()];
    }

    int cpus() {
        return params.cpus();
    }

    /** Events per canonical table, after {@link #run}. */
    Map<String, Long> counts() {
        return counts;
    }

    long events() {
        return emitted;
    }

    /** Runs the whole simulation into {@code writer}, in time order. */
    void run(EventWriter writer) throws java.io.IOException {
        this.out = writer;
        writer.begin(world, params.cpus());
        rundown();
        for (int c = 0; c < params.cpus(); c++) {
            current[c] = world.idleThreads[c];
            slot[c] = slot[0];
        }
        for (Entities.Thr t : world.threads) {
            if (r.nextBoolean()) {
                makeReady(t, 0);
            } else {
                t.state = WAITING;
                waiting.add(t);
            }
        }
        while (emitted < params.targetEvents() || !inFlight.isEmpty()) {
            int c = 0;
            for (int i = 1; i < slot.length; i++) {
                if (slot[i] < slot[c]) {
                    c = i;
                }
            }
            flushBefore(slot[c] * SLOT);
            episode(c);
        }
        flushBefore(Long.MAX_VALUE);
        writer.end(lastTick);
    }

    private long lastTick;

    private void flushBefore(long tick) throws java.io.IOException {
        while (!pending.isEmpty() && pending.peek().tick() < tick) {
            Ev e = pending.poll();
            lastTick = e.tick();
            out.write(e);
        }
    }

    private void emit(Ev e) {
        pending.add(e);
        emitted++;
        counts.merge(e.table(), 1L, Long::sum);
    }

    /** The next tick of processor {@code c}, {@code slots} slots on. */
    private long at(int c, int slots) {
        slot[c] += slots;
        return slot[c] * SLOT + c;
    }

    private int between(int lo, int hi) {
        return lo + r.nextInt(hi - lo + 1);
    }

    private void rundown() {
        slot[0] = 1;
        for (Entities.Proc p : world.procs) {
            emit(new Ev.ProcessRundown(at(0, 1), 0, p));
        }
        for (Entities.Thr t : world.idleThreads) {
            emit(new Ev.ThreadRundown(at(0, 1), 0, t));
        }
        for (Entities.Thr t : world.threads) {
            emit(new Ev.ThreadRundown(at(0, 1), 0, t));
        }
        for (Entities.Img i : world.images) {
            emit(new Ev.ImageRundown(at(0, 1), 0, i));
        }
        for (Entities.FileObj f : world.files) {
            emit(new Ev.FileRundown(at(0, 1), 0, f));
        }
        at(0, 10);
    }

    private void episode(int c) {
        Entities.Thr cur = current[c];
        // Device completions due by now are taken by the first processor to get here.
        int handled = 0;
        while (!inFlight.isEmpty() && inFlight.peek().due() <= slot[c] * SLOT && handled < 2) {
            completion(c, inFlight.poll());
            handled++;
        }
        if (r.nextInt(100) < 12) {
            timerDpc(c);
        }
        if (r.nextInt(100) < 4) {
            networkInterrupt(c);
        }
        if (cur.idle()) {
            if (r.nextInt(100) < 15) {
                emit(new Ev.Sample(at(c, between(1, 10)), c, cur, world.idleLoop.address() + 0x20, world.idleLoop,
                        false));
            }
            if (ready.isEmpty()) {
                at(c, between(10, 200));
                return;
            }
            switchTo(c, STATE_RUNNING, WAIT_EXECUTIVE, READY);
            return;
        }
        int ops = r.nextInt(3);
        for (int i = 0; i < ops; i++) {
            threadOp(c, cur);
        }
        int end = r.nextInt(100);
        if (end < 9 && emitted < params.targetEvents()) {
            issueIo(c, cur);
            switchTo(c, STATE_WAITING, WAIT_EXECUTIVE, IO);
        } else if (end < 55) {
            at(c, between(2, 40));
            switchTo(c, STATE_WAITING, r.nextBoolean() ? WAIT_QUEUE : WAIT_USER_REQUEST, WAITING);
        } else if (!ready.isEmpty()) {
            at(c, between(2, 60));
            switchTo(c, STATE_READY, r.nextBoolean() ? WAIT_PREEMPTED : WAIT_QUANTUM_END, READY);
        } else {
            at(c, between(5, 60));
        }
    }

    /** One thing the running thread does without leaving the processor. */
    private void threadOp(int c, Entities.Thr t) {
        int k = r.nextInt(100);
        if (k < 25) {
            Entities.Routine code = world.userCode.get(r.nextInt(world.userCode.size()));
            emit(new Ev.Sample(at(c, between(2, 20)), c, t, code.address() + 8L * r.nextInt(64), code, false));
        } else if (k < 60) {
            boolean kernelPc = r.nextInt(10) == 0;
            Entities.Routine pc = kernelPc ? world.kernelCopy : t.start;
            long va = 0x000000c2a5100000L + 0x1000L * r.nextInt(4096) + 8L * r.nextInt(512);
            emit(new Ev.PageFault(at(c, between(1, 10)), c, t, r.nextInt(3) == 0 ? 10 : 11, va,
                    pc.address() + 4L * r.nextInt(16), pc));
        } else if (k < 62) {
            long initial = at(c, 1);
            Entities.FileObj f = world.files.get(r.nextInt(world.files.size()));
            emit(new Ev.HardFault(at(c, between(20, 120)), c, t, initial, 0x1000L * r.nextInt(1 << 16),
                    0x7ff6a0010000L + 0x1000L * r.nextInt(64), f, 4096 * between(1, 8)));
        } else if (k < 70) {
            // A cached read: no disk, begin and end within the thread.
            Entities.FileObj f = world.files.get(r.nextInt(world.files.size()));
            long begin = at(c, between(1, 5));
            long irp = irp(begin);
            int size = 512 << r.nextInt(6);
            emit(new Ev.FileOp(begin, c, false, irp, t, f, 4096L * r.nextInt(1 << 12), size, 0x60900));
            long end = at(c, between(2, 12));
            emit(new Ev.FileOpEnd(end, c, irp, t, f, size, 0, false, end - begin));
            freeIrp(irp, end);
        } else if (!waiting.isEmpty() && waitingBefore(slot[c] * SLOT) != null) {
            long tick = at(c, between(1, 6));
            Entities.Thr w = takeWaiting(tick);
            emit(new Ev.ReadyThread(tick, c, w, t, 1, 1 + r.nextInt(2), false));
            makeReady(w, tick);
        } else {
            at(c, between(2, 20));
        }
    }

    private void issueIo(int c, Entities.Thr t) {
        Entities.FileObj f = world.files.get(r.nextInt(world.files.size()));
        boolean write = r.nextInt(4) == 0;
        int size = 4096 << r.nextInt(5);
        long offset = 4096L * r.nextInt(1 << 16);
        long begin = at(c, between(1, 6));
        long fileIrp = irp(begin);
        long diskIrp = irp(begin);
        emit(new Ev.FileOp(begin, c, write, fileIrp, t, f, offset, size, write ? 0x60a00 : 0x60900));
        int id = ++matchId;
        emit(new Ev.DriverCall(at(c, 1), c, diskIrp, t, write ? 4 : 3, 0, world.diskDispatch, f, id));
        emit(new Ev.DiskInit(at(c, 1), c, write, diskIrp, t));
        emit(new Ev.DriverReturn(at(c, 1), c, diskIrp, t, id));
        long due = slot[c] * SLOT + 10L * between(80, 3000);
        inFlight.add(new Request(due, begin, fileIrp, diskIrp, t, f, write, size, offset));
    }

    private void completion(int c, Request q) {
        Entities.Thr ctx = current[c];
        long isrStart = at(c, 1);
        emit(new Ev.Isr(at(c, between(1, 3)), c, isrStart, world.diskIsr, 146, true));
        long dpcStart = at(c, 1);
        long done = at(c, between(1, 4));
        emit(new Ev.DiskDone(done, c, q.write(), q.diskIrp(), q.thread(), q.file().disk(),
                q.write() ? 0x60203 : 0x60043, q.size(), q.file().diskBase() + q.offset(), q.file(),
                done - q.issueTick()));
        int id = ++matchId;
        emit(new Ev.DriverCompletion(at(c, 1), c, 52, q.diskIrp(), ctx, world.fsComplete, id));
        emit(new Ev.DriverCompletion(at(c, 1), c, 37, q.diskIrp(), ctx, world.complRoutine, id));
        emit(new Ev.DriverCompletion(at(c, 1), c, 53, q.diskIrp(), ctx, null, id));
        if (r.nextInt(10) == 0) {
            nestedIsr(c);
        }
        long end = at(c, 1);
        emit(new Ev.FileOpEnd(end, c, q.fileIrp(), q.thread(), q.file(), q.size(), 0, q.write(),
                end - q.issueTick()));
        if (r.nextInt(10) == 0) {
            emit(new Ev.Sample(at(c, 1), c, ctx, world.diskDpc.address() + 0x40, world.diskDpc, true));
        }
        if (r.nextInt(200) == 0 && !ctx.idle()) {
            // A driver bug the replay must flag: a user-mode address touched inside the DPC.
            emit(new Ev.PageFault(at(c, 1), c, ctx, 11, 0x000000c2a5100040L, world.diskDpc.address() + 0x80,
                    world.diskDpc));
        }
        long readied = at(c, 1);
        emit(new Ev.ReadyThread(readied, c, q.thread(), ctx, 1, 1, true));
        makeReady(q.thread(), readied);
        emit(new Ev.Dpc(at(c, between(1, 4)), c, dpcStart, 68, world.diskDpc));
        freeIrp(q.fileIrp(), end);
        freeIrp(q.diskIrp(), end);
    }

    private void timerDpc(int c) {
        long start = at(c, 1);
        if (r.nextInt(100) < 25) {
            nestedIsr(c);
        }
        if (r.nextInt(100) < 40 && waitingBefore(slot[c] * SLOT) != null) {
            long tick = at(c, 1);
            Entities.Thr w = takeWaiting(tick);
            emit(new Ev.ReadyThread(tick, c, w, current[c], 0, 0, true));
            makeReady(w, tick);
        }
        Entities.Routine routine = r.nextInt(4) == 0 ? world.timerDpc2 : world.timerDpc;
        emit(new Ev.Dpc(at(c, between(1, 20)), c, start, 69, routine));
    }

    /** An ISR that interrupts the DPC running on {@code c} (nested: DIRQL above DISPATCH_LEVEL). */
    private void nestedIsr(int c) {
        long s = at(c, 1);
        emit(new Ev.Isr(at(c, between(1, 2)), c, s, world.netIsr, 160, true));
    }

    private void networkInterrupt(int c) {
        long s = at(c, 1);
        emit(new Ev.Isr(at(c, 1), c, s, world.netIsr, 160, r.nextInt(20) != 0));
        long d = at(c, 1);
        emit(new Ev.Dpc(at(c, between(2, 15)), c, d, 68, world.netDpc));
    }

    private void makeReady(Entities.Thr t, long tick) {
        t.state = READY;
        t.readyAt = tick;
        ready.add(t);
    }

    /** A waiting thread that started waiting before {@code tick}, left in the list; or null. */
    private Entities.Thr waitingBefore(long tick) {
        int n = waiting.size();
        if (n == 0) {
            return null;
        }
        int start = r.nextInt(n);
        for (int k = 0; k < n; k++) {
            Entities.Thr t = waiting.get((start + k) % n);
            if (t.readyAt < tick) {
                pickedWaiting = (start + k) % n;
                return t;
            }
        }
        return null;
    }

    private int pickedWaiting;

    /** Removes the thread {@link #waitingBefore} found (its tick is earlier than {@code tick} too). */
    private Entities.Thr takeWaiting(long tick) {
        int n = waiting.size();
        Entities.Thr t = waiting.get(pickedWaiting);
        waiting.set(pickedWaiting, waiting.get(n - 1));
        waiting.remove(n - 1);
        return t;
    }

    /**
     * Takes a thread that was ready before {@code tick} out of the ready list, or returns null. Processors
     * are simulated a slice at a time, so a thread readied (or switched out) on another processor may
     * still be in that processor's future.
     */
    private Entities.Thr takeReady(long tick) {
        int n = ready.size();
        if (n == 0) {
            return null;
        }
        int start = r.nextInt(n);
        for (int k = 0; k < n; k++) {
            int i = (start + k) % n;
            Entities.Thr t = ready.get(i);
            if (t.readyAt < tick) {
                ready.set(i, ready.get(n - 1));
                ready.remove(n - 1);
                return t;
            }
        }
        return null;
    }

    private void freeIrp(long irp, long tick) {
        freeIrps.add(new long[] {irp, tick});
    }

    /** An IRP address free at {@code tick}: the oldest freed one when it was freed before, else a new one. */
    private long irp(long tick) {
        long[] free = freeIrps.peek();
        if (free != null && free[1] < tick) {
            freeIrps.poll();
            return free[0];
        }
        long v = nextIrp;
        nextIrp += 0x1000;
        return v;
    }

    /** Switches processor {@code c} to a ready thread (or the idle thread); the old one goes to {@code whereOld}. */
    private void switchTo(int c, int oldState, int waitReason, int whereOld) {
        Entities.Thr old = current[c];
        long tick = at(c, 1);
        Entities.Thr next = takeReady(tick);
        if (next == null) {
            next = world.idleThreads[c];
        }
        if (next == old) {
            return;
        }
        long sinceLast = next.idle() ? 0 : Math.max(0, tick - next.lastRan);
        long ran = tick - switchedInAt[c];
        emit(new Ev.CSwitch(tick, c, next, old, old.idle() ? STATE_RUNNING : oldState, waitReason,
                waitReason == WAIT_USER_REQUEST ? 1 : 0, c, next.idle() ? 0 : (int) Math.min(sinceLast / 10, 1 << 20),
                next.idle() ? 1 : 0, sinceLast, ran));
        if (!old.idle()) {
            old.lastRan = tick;
            old.state = whereOld;
            if (whereOld == READY) {
                makeReady(old, tick);
            } else if (whereOld == WAITING) {
                old.readyAt = tick; // waiting since
                waiting.add(old);
            }
        }
        next.state = RUNNING;
        current[c] = next;
        switchedInAt[c] = tick;
    }
}

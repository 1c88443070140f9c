package etwreplay.ingest.xperf;

import etwreplay.ingest.event.EventSink;
import etwreplay.ingest.event.ThreadEvent;
import etwreplay.ingest.event.TraceEvent;

/** {@code T-Start}, {@code T-End}, {@code T-DCStart}, {@code T-DCEnd} (FORMATS.md §1a/§1b, SCHEMAS.md §1.3). */
final class ThreadHandler implements XperfEventHandler {
    private final String kind;
    private final int process;
    private final int tid;
    private final int stackBase;
    private final int stackLimit;
    private final int userStackBase;
    private final int userStackLimit;
    private final int startAddr;
    private final int win32StartAddr;
    private final int teb;
    private final int subProcessTag;
    private final int basePri;
    private final int pagePri;
    private final int ioPri;
    private final int flags;
    private final int name;
    private final int symbol;

    ThreadHandler(XperfSchema s, String kind) {
        this.kind = kind;
        process = s.field("Process Name ( PID)");
        tid = s.field("ThreadID", "TID");
        stackBase = s.field("StackBase");
        stackLimit = s.field("StackLimit");
        userStackBase = s.field("UsrStkBase", "UserStackBase");
        userStackLimit = s.field("UsrStkLmt", "UserStackLimit");
        startAddr = s.field("StartAddr", "StartAddress");
        win32StartAddr = s.field("Win32StartAddr", "Win32StartAddress");
        teb = s.field("TebBase");
        subProcessTag = s.field("SubProcessTag");
        basePri = s.field("BasePri", "BasePriority");
        pagePri = s.field("PagePri", "PagePriority");
        ioPri = s.field("IoPri", "IoPriority");
        flags = s.field("Flags", "ThreadFlags");
        name = s.field("ThreadName", "Thread Name");
        symbol = s.field("Image!Function");
    }

    @Override
    public void handle(XperfRow r, EventSink sink) {
        sink.accept(new ThreadEvent(r.ts(), TraceEvent.NO_CPU, kind, r.processId(process), r.id(tid),
                r.processName(process), r.number(stackBase), r.number(stackLimit), r.number(userStackBase),
                r.number(userStackLimit), r.number(startAddr), r.number(win32StartAddr), r.number(teb),
                r.int32(subProcessTag), r.int32(basePri), r.int32(pagePri), r.int32(ioPri), r.int32(flags),
                r.text(name), r.text(symbol)), r.extra());
    }
}

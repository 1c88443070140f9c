package etwreplay.replay.track;

import java.util.ArrayList;
import java.util.List;

/** One I/O request being replayed (a future {@code irp} row). Mutable; owned by its family's tracker. */
final class Request {
    final long id;
    final String family;
    final Long irp;
    String op;
    Long uniqMatchId;
    Integer majorFunction;
    Integer minorFunction;
    Long controlCode;
    Long fileObject;
    String fileName;
    Long transferSize;
    Long issueTs;
    Integer issueCpu;
    Issuer issuer = Issuer.UNKNOWN;
    Long dispatchRoutine;
    String dispatchSymbol;
    String dispatchModule;
    int callDepth;
    Long returnTs;
    Completion completion;
    Long kernelElapsedNs;
    Long ntStatus;
    /** Driver: UniqMatchIds of the DrvMjFnCall frames not yet returned, outermost first. */
    final List<Long> openCalls = new ArrayList<>();

    Request(long id, String family, Long irp) {
        this.id = id;
        this.family = family;
        this.irp = irp;
    }

    /** True when the completion process is known and differs from the issuer's; null when unknown. */
    Boolean foreignContext() {
        if (completion == null || completion.context().pid() == null || issuer.pid() == null) {
            return null;
        }
        return !completion.context().pid().equals(issuer.pid());
    }

    Long latencyNs() {
        return completion == null || issueTs == null ? null : completion.ts() - issueTs;
    }
}

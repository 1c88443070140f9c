package etwreplay.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import etwreplay.ingest.store.Database;
import etwreplay.ingest.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inferred APC of a chain whose issuer never runs again: thread 7104 of a.exe issues two reads
 * (IRPs …01 and …02) and waits from 150 µs; both complete at 500 and 600 inside DPCs on CPU1 over b.exe
 * (foreign). Thread 7104 exits at 700 without being switched in again, so neither APC can be seen: both
 * chains are written with apc_basis not_seen when the thread ends. The thread id is reused at 800 by a
 * thread of c.exe that runs at 850; that switch-in must not be taken for a.exe's APC (and waiting chains
 * stay bounded by the live threads).
 */
class ApcInferenceTest {
    private static final String TRACE = String.join("\n",
            "BeginHeader",
            "P-DCStart, TimeStamp, Process Name ( PID), ParentPID, SessionID, UniqueKey, DirectoryTableBase",
            "T-DCStart, TimeStamp, Process Name ( PID), ThreadID",
            "T-End, TimeStamp, Process Name ( PID), ThreadID",
            "T-Start, TimeStamp, Process Name ( PID), ThreadID",
            "CSwitch, TimeStamp, New Process Name ( PID), New TID, Old Process Name ( PID), Old TID, CPU",
            "DiskReadInit, TimeStamp, Process Name ( PID), ThreadID, IrpPtr",
            "DiskRead, TimeStamp, Process Name ( PID), ThreadID, CPU, IrpPtr, ByteOffset, IOSize, ElapsedTime",
            "DPC, TimeStamp, ElapsedTime, CPU, ServiceAddr, Image!Function",
            "EndHeader",
            "OS Version: 10.0.19045, Trace Size: 1KB, Events Lost: 0, Buffers lost: 0, Trace Start: 0,"
                    + " Trace Length: 1 sec, PointerSize: 8, Trace Name: t.etl",
            "P-DCStart, 0, a.exe (7100), 1, 1, 0xffffc00107100080, 0x71710000",
            "P-DCStart, 0, b.exe (8200), 1, 1, 0xffffc00108200080, 0x82820000",
            "T-DCStart, 0, a.exe (7100), 7104",
            "T-DCStart, 0, b.exe (8200), 8204",
            "CSwitch, 100, a.exe (7100), 7104, Idle (0), 0, 0",
            "CSwitch, 105, b.exe (8200), 8204, Idle (0), 0, 1",
            "DiskReadInit, 120, a.exe (7100), 7104, 0xffffc0010a2b0001",
            "DiskReadInit, 130, a.exe (7100), 7104, 0xffffc0010a2b0002",
            "CSwitch, 150, Idle (0), 0, a.exe (7100), 7104, 0",
            "DiskRead, 500, a.exe (7100), 7104, 1, 0xffffc0010a2b0001, 0x0, 0x1000, 380",
            "DPC, 510, 20, 1, 0xfffff80020105670, storport.sys!RaidpAdapterDpcRoutine",
            "DiskRead, 600, a.exe (7100), 7104, 1, 0xffffc0010a2b0002, 0x0, 0x1000, 470",
            "DPC, 610, 20, 1, 0xfffff80020105670, storport.sys!RaidpAdapterDpcRoutine",
            "T-End, 700, a.exe (7100), 7104",
            "T-Start, 800, c.exe (9100), 7104",
            "CSwitch, 850, c.exe (9100), 7104, Idle (0), 0, 0",
            "CSwitch, 900, Idle (0), 0, b.exe (8200), 8204, 1",
            "");

    @TempDir
    Path tmp;

    @Test
    void aChainWhoseIssuerEndsIsWrittenAsNotSeen() throws Exception {
        try (Database db = TestDatabases.ingestText(tmp, TRACE, true)) {
            ReplayEngine.replay(db, 1, null);
            assertEquals(String.join("\n",
                    "irp_id,dpc_start_ts,completion_ts,foreign_context,inferred_apc_ts,apc_basis",
                    "1,490000,500000,true,,not_seen",
                    "2,590000,600000,true,,not_seen",
                    ""), db.query("SELECT irp_id, dpc_start_ts, completion_ts, foreign_context, inferred_apc_ts,"
                    + " apc_basis FROM irq_chain ORDER BY irp_id").toCsv());
        }
    }
}

package etwreplay.ingest.store;

import etwreplay.ingest.event.CSwitchEvent;
import etwreplay.ingest.event.DiskIoEvent;
import etwreplay.ingest.event.DpcEvent;
import etwreplay.ingest.event.DriverIrpEvent;
import etwreplay.ingest.event.FileIoEvent;
import etwreplay.ingest.event.GenericEvent;
import etwreplay.ingest.event.ImageEvent;
import etwreplay.ingest.event.IsrEvent;
import etwreplay.ingest.event.PageFaultEvent;
import etwreplay.ingest.event.ProcessEvent;
import etwreplay.ingest.event.ReadyThreadEvent;
import etwreplay.ingest.event.SampleEvent;
import etwreplay.ingest.event.StackFrameEvent;
import etwreplay.ingest.event.SyscallEvent;
import etwreplay.ingest.event.ThreadEvent;
import etwreplay.ingest.event.TraceEvent;
import java.util.List;

/** One all-NULL instance of every canonical record, for column-count checks. */
final class EventSamples {
    private EventSamples() {
    }

    static List<TraceEvent> oneOfEach() {
        return List.of(
                new ProcessEvent(0, 0, null, null, null, null, null, null, null, null, null, null, null, null, null),
                new ThreadEvent(0, 0, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null),
                new ImageEvent(0, 0, null, null, null, null, null, null, null, null, null),
                new CSwitchEvent(0, 0, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null, null, null, null, null),
                new ReadyThreadEvent(0, 0, null, null, null, null, null, null, null, null),
                new DpcEvent(0, 0, null, null, null, null, null),
                new IsrEvent(0, 0, null, null, null, null, null, null, null, null),
                new DiskIoEvent(0, 0, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null),
                new FileIoEvent(0, 0, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null, null, null, null, null),
                new DriverIrpEvent(0, 0, null, null, null, null, null, null, null, null, null, null, null),
                new PageFaultEvent(0, 0, null, null, null, null, null, null, null, null, null, null, null, null, null),
                new SampleEvent(0, 0, null, null, null, null, null, null, null, null, null, null, null, null),
                new SyscallEvent(0, 0, null, null, null, null, null, null, null),
                new StackFrameEvent(0, 0, null, null, null, null),
                new GenericEvent(0, 0, null, null, null, null, null, null, null, null));
    }
}

package etwreplay.ingest.etl;

import etwreplay.ingest.BadInputException;
import etwreplay.ingest.event.Anomaly;
import etwreplay.ingest.event.EventSink;
import etwreplay.ingest.event.TraceHeader;
import etwreplay.ingest.format.ProgressListener;
import etwreplay.ingest.format.TraceFormat;
import etwreplay.ingest.format.TraceReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Reads a raw {@code .etl} file (FORMATS.md §8): the buffers, per processor and in file order, merged
 * into one time-ordered event stream as ETW's own consumer delivers it; every event decoded by its
 * header type — kernel events by (group, opcode, version) through {@link KernelEvents}, classic and
 * manifest events into {@code generic_event}. Timestamps become ns since the header event
 * ({@link TimeScale}); {@code cpu} is the buffer's processor.
 *
 * <p>A file that does not start with a buffer whose first event is the EventTrace header is refused
 * with a one-line {@link BadInputException}; any later damage is stepped over and counted.
 */
public final class EtlReader implements TraceReader {
    /** Used when the header gives no usable clock: the QPC frequency of every collected file. */
    private static final long ASSUMED_FREQUENCY = 10_000_000L;
    private static final long PROGRESS_EVERY = 1 << 16;
    private static final int SYSTEM_CONFIG_CPU = KernelEvents.SYSTEM_CONFIG << 8 | 10;
    private static final int NUMBER_OF_PROCESSORS = Fields.id("NumberOfProcessors");

    @Override
    public TraceFormat format() {
        return TraceFormat.ETL;
    }

    @Override
    public void read(Path file, EventSink sink, TraceHeader header, ProgressListener progress)
            throws IOException, BadInputException {
        try (EtlFile f = new EtlFile(file)) {
            new Pass(f, sink, header, progress).run();
        }
    }

    /** One read of one file. */
    private static final class Pass {
        private final EtlFile file;
        private final EventSink sink;
        private final TraceHeader header;
        private final ProgressListener progress;
        private final AnomalyTally tally = new AnomalyTally();
        private final DecodeContext context;
        private final Payload payload = new Payload();
        private final ManifestEvents manifest = new ManifestEvents();
        private long events;
        private long kernelEvents;
        private long bytesRead;

        Pass(EtlFile file, EventSink sink, TraceHeader header, ProgressListener progress) {
            this.file = file;
            this.sink = sink;
            this.header = header;
            this.progress = progress;
            this.context = new DecodeContext(sink, tally);
        }

        void run() throws IOException, BadInputException {
            requireBufferAtStart();
            BufferIndex index = BufferIndex.scan(file, tally);
            BufferLoader loader = new BufferLoader(file, tally);
            readHeader(index, loader);
            PriorityQueue<CpuStream> queue = new PriorityQueue<>(Pass::order);
            List<BufferIndex.CpuBuffers> cpus = index.cpus();
            for (BufferIndex.CpuBuffers c : cpus) {
                CpuStream s = new CpuStream(c, loader, tally);
                if (s.advance()) {
                    queue.add(s);
                }
            }
            CpuStream s = queue.poll();
            while (s != null) {
                dispatch(s.view);
                bytesRead = Math.max(bytesRead, s.bufferOffset());
                if (++events % PROGRESS_EVERY == 0) {
                    progress.progress(bytesRead, events);
                }
                if (!s.advance()) {
                    s = queue.poll();
                } else if (!queue.isEmpty() && order(queue.peek(), s) < 0) {
                    // Another processor's event comes first; runs from one buffer skip the queue.
                    queue.add(s);
                    s = queue.poll();
                }
            }
            progress.progress(file.size(), events);
            if (kernelEvents == 0) {
                tally.add(Anomaly.NO_KERNEL_EVENTS, null, events + " events, none from a kernel group other than"
                        + " EventTrace (logger '" + header.loggerName + "')");
            }
            tally.flushTo(sink);
        }

        /** Refuses a file that does not start with a WMI buffer header before scanning all of it. */
        private void requireBufferAtStart() throws IOException, BadInputException {
            byte[] h = new byte[WmiBufferHeader.SIZE];
            if (file.size() >= h.length) {
                file.read(0, h, 0, h.length);
            }
            if (file.size() < h.length || !BufferIndex.plausible(h, 0, Long.MAX_VALUE)) {
                throw new BadInputException(file.path(), "offset 0x0", "not an ETL file: no WMI buffer header at the"
                        + " start of the file (" + file.size() + " bytes)");
            }
        }

        /** Time order; equal timestamps by buffer position in the file, then processor. */
        private static int order(CpuStream a, CpuStream b) {
            int c = Long.compare(a.view.timestamp, b.view.timestamp);
            if (c != 0) {
                return c;
            }
            c = Long.compare(a.bufferOffset(), b.bufferOffset());
            return c != 0 ? c : Integer.compare(a.cpu, b.cpu);
        }

        /**
         * Reads the TRACE_LOGFILE_HEADER from the first event of the first buffer into {@link #header} and
         * sets up the clock: ts 0 is the header event's timestamp.
         */
        private void readHeader(BufferIndex index, BufferLoader loader) throws IOException, BadInputException {
            Path path = file.path();
            if (index.firstBufferLength() < 0) {
                throw new BadInputException(path, "offset 0x0", "not an ETL file: no WMI buffer header at the start"
                        + " of the file (" + file.size() + " bytes)");
            }
            BufferLoader.Loaded first = new BufferLoader.Loaded();
            first.data = new byte[0];
            loader.load(0, (int) index.firstBufferLength(), first);
            EventView ev = new EventView();
            String problem = first.limit > WmiBufferHeader.SIZE
                    ? ev.parse(first.data, WmiBufferHeader.SIZE, first.limit) : "the first buffer holds no events";
            if (problem == null && (!ev.isKernel() || ev.hookId() != KernelEvents.HEADER_HOOK)) {
                problem = "its first event is not the EventTrace header";
            }
            if (problem != null) {
                throw new BadInputException(path, "offset 0x48", "not an ETL file, or its header is damaged: "
                        + problem);
            }
            payload.bind(ev.data, ev.payloadStart, ev.payloadLength, ev.pointerSize,
                    KernelEvents.entry(KernelEvents.HEADER_HOOK).exact(2));
            LogfileHeader lh = new LogfileHeader();
            lh.read(payload, header);
            if (header.pointerSize == null || (header.pointerSize != 4 && header.pointerSize != 8)) {
                header.pointerSize = ev.pointerSize;
            }
            loader.limitDecompressedSize(lh.bufferSize);
            if (lh.expectedBuffers > index.bufferCount() && tally.total(Anomaly.DAMAGED_DATA) == 0) {
                // A file cut exactly between two buffers shows no damage of its own: the header's count does.
                tally.add(Anomaly.DAMAGED_DATA, String.format("offset 0x%x", file.size()), "the header announces "
                        + lh.expectedBuffers + " buffers (BuffersWritten), the file holds " + index.bufferCount()
                        + ": the end of the file is missing");
            }
            long frequency = lh.clockFrequency;
            if (frequency <= 0) {
                tally.add(Anomaly.CLOCK_ASSUMED, "offset 0x48", "header clock " + lh.clock + ", frequency "
                        + lh.clockFrequency);
                frequency = ASSUMED_FREQUENCY;
                header.clockFrequency = frequency;
            }
            context.time = new TimeScale(ev.timestamp, frequency);
        }

        private void dispatch(EventView ev) {
            context.at(ev);
            switch (ev.family) {
                case SYSTEM, COMPACT, PERFINFO -> kernel(ev);
                case EVENT_HEADER -> manifest.decode(ev, context);
                case FULL_HEADER -> ClassicEvents.decode(ev, payload, context);
                default -> throw new IllegalStateException(ev.family.name());
            }
        }

        private void kernel(EventView ev) {
            if (ev.group != KernelEvents.EVENT_TRACE) {
                kernelEvents++;
            }

            KernelEvents.Entry entry = KernelEvents.entry(ev.hookId());
            if (entry == null) {
                GenericEvents.kernel(context, null);
                return;
            }
            Layout layout = entry.exact(ev.version);
            if (layout == null && entry.hasLayouts()) {
                layout = entry.nearest(ev.version);
                if (tally.count(Anomaly.UNKNOWN_VERSION)) {
                    tally.describe(Anomaly.UNKNOWN_VERSION, ev.location(), entry.name + " version " + ev.version
                            + " decoded with the nearest known layout");
                }
            }
            if (layout == null) {
                GenericEvents.kernel(context, null);
                return;
            }
            payload.bind(ev.data, ev.payloadStart, ev.payloadLength, ev.pointerSize, layout);
            if (payload.truncated()) {
                if (tally.count(Anomaly.TRUNCATED_PAYLOAD)) {
                    tally.describe(Anomaly.TRUNCATED_PAYLOAD, ev.location(), entry.name + " v" + ev.version
                            + ": payload of " + ev.payloadLength + " bytes is shorter than its layout");
                }
            } else if (payload.trailingBytes() > 0 && tally.count(Anomaly.TRAILING_BYTES)) {
                tally.describe(Anomaly.TRAILING_BYTES, ev.location(), entry.name + " v" + ev.version + ": "
                        + payload.trailingBytes() + " bytes after the last field of its layout");
            }
            if (header.cpuCount == null && ev.hookId() == SYSTEM_CONFIG_CPU) {
                // The header gave no processor count: SystemConfig/CPU's NumberOfProcessors does.
                Integer n = payload.int32(NUMBER_OF_PROCESSORS);
                header.cpuCount = n != null && n > 0 ? n : null;
            }
            if (entry.decoder != null) {
                entry.decoder.decode(payload, context);
            } else {
                GenericEvents.kernel(context, payload);
            }
        }
    }
}

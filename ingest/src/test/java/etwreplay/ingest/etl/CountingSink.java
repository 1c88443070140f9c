package etwreplay.ingest.etl;

import etwreplay.ingest.event.Anomaly;
import etwreplay.ingest.event.EventSink;
import etwreplay.ingest.event.TraceEvent;
import java.util.EnumMap;
import java.util.Map;

/** An {@link EventSink} that only counts: events per table and anomalies (with the first location). */
final class CountingSink implements EventSink {
    long events;
    final Map<Anomaly, Long> anomalies = new EnumMap<>(Anomaly.class);
    final Map<Anomaly, String> locations = new EnumMap<>(Anomaly.class);
    final Map<Anomaly, String> examples = new EnumMap<>(Anomaly.class);

    @Override
    public void accept(TraceEvent event) {
        events++;
    }

    @Override
    public void accept(TraceEvent event, Map<String, String> extra) {
        events++;
    }

    @Override
    public void anomaly(Anomaly kind, String location, String example) {
        anomalies(kind, 1, location, example);
    }

    @Override
    public void anomalies(Anomaly kind, long count, String location, String example) {
        anomalies.merge(kind, count, Long::sum);
        locations.putIfAbsent(kind, location);
        examples.putIfAbsent(kind, example);
    }

    long count(Anomaly kind) {
        return anomalies.getOrDefault(kind, 0L);
    }
}

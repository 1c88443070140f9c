package etwreplay.ingest.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;

/** A producer never waits on a worker that has died: its failure comes back on the producer's thread. */
class WorkerHandoffTest {
    @Test
    void aProducerBlockedOnAFullQueueGetsTheWorkersFailure() {
        WorkerHandoff h = new WorkerHandoff("appending rows");
        BlockingQueue<String> full = new ArrayBlockingQueue<>(1);
        h.put(full, "first");
        Thread worker = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            h.fail(new SQLException("disk full"));
        });
        worker.start();
        StoreException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(StoreException.class, () -> h.put(full, "second")));
        assertEquals("disk full", e.getCause().getMessage());
        assertEquals("appending rows", e.getMessage().substring(0, "appending rows".length()));
    }

    @Test
    void aProducerWaitingForAFreeBatchGetsTheWorkersFailureAsItIs() {
        WorkerHandoff h = new WorkerHandoff("appending rows");
        IllegalStateException bug = new IllegalStateException("row has 3 values for 4 columns");
        h.fail(bug);
        h.fail(new RuntimeException("a later failure is not the one reported"));
        RuntimeException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(RuntimeException.class, () -> h.take(new ArrayBlockingQueue<String>(1))));
        assertSame(bug, e);
    }

    @Test
    void withoutAFailureItemsPassInOrder() {
        WorkerHandoff h = new WorkerHandoff("appending rows");
        BlockingQueue<Integer> q = new ArrayBlockingQueue<>(2);
        h.put(q, 1);
        h.put(q, 2);
        assertEquals(1, h.take(q));
        assertEquals(2, h.take(q));
        h.rethrow();
    }
}

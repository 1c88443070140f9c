package etwreplay.ingest.store;

import java.sql.SQLException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The producer's side of a hand-off to one worker thread through bounded queues (the ingest's
 * {@link InsertWorker}, replay's derived-table writer): putting and taking batches, waiting no longer than
 * the worker lives, and the worker's failure rethrown on the producer's thread. Without it a producer whose
 * worker died would block forever on a full queue. The worker records its failure with {@link #fail}.
 */
public final class WorkerHandoff {
    /** How often a blocked producer looks whether the worker failed meanwhile. */
    private static final long POLL_MILLIS = 100;

    private final String work;
    private volatile Throwable failure;

    /** @param work what the worker does, for messages: e.g. "appending rows" */
    public WorkerHandoff(String work) {
        this.work = work;
    }

    /** Records the worker's first failure (worker thread). */
    public void fail(Throwable t) {
        if (failure == null) {
            failure = t;
        }
    }

    public boolean failed() {
        return failure != null;
    }

    /** Throws the worker's failure, if any: an SQLException wrapped in a {@link StoreException}. */
    public void rethrow() {
        Throwable f = failure;
        if (f instanceof SQLException q) {
            throw new StoreException(work, q);
        }
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error e) {
            throw e;
        }
    }

    /** Waits for {@code worker} to end (after the producer handed it its last batch), then {@link #rethrow}s. */
    public void join(Thread worker) {
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("waiting for the worker to finish (" + work + ")", e);
        }
        rethrow();
    }

    /** Puts {@code item} into {@code queue}, waiting while it is full and the worker lives. */
    public <T> void put(BlockingQueue<T> queue, T item) {
        rethrow();
        try {
            while (!queue.offer(item, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                rethrow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("handing rows over (" + work + ")", e);
        }
    }

    /** Takes from {@code queue}, waiting while it is empty and the worker lives. */
    public <T> T take(BlockingQueue<T> queue) {
        try {
            T item;
            while ((item = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS)) == null) {
                rethrow();
            }
            return item;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("handing rows over (" + work + ")", e);
        }
    }
}

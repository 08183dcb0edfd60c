package org.perfeval.ingest;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands records to the database on a second thread while the file is still being read and parsed,
 * so a large ledger costs about the longer of the two instead of their sum. The queue is bounded:
 * memory stays flat however large the file.
 */
final class WriteBehind implements AutoCloseable {

    /** Stores one item; runs on the writer thread only. */
    @FunctionalInterface
    interface Writer {
        void write(Object item) throws SQLException;
    }

    private static final int CHUNK = 2_000;
    private static final List<Object> END = List.of();

    private final BlockingQueue<List<Object>> queue = new ArrayBlockingQueue<>(8);
    private final Writer writer;
    private final Thread thread;
    private volatile SQLException failure;
    private List<Object> chunk = new ArrayList<>(CHUNK);
    private boolean finished;

    WriteBehind(String name, Writer writer) {
        this.writer = writer;
        this.thread = new Thread(this::drain, "write-behind " + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues an item; throws the writer's failure, if any, so reading stops early. */
    void add(Object item) throws SQLException {
        chunk.add(item);
        if (chunk.size() >= CHUNK) {
            handOver(chunk);
            chunk = new ArrayList<>(CHUNK);
        }
    }

    /** Waits until everything queued is written; afterwards the caller may use the connection again. */
    void finish() throws SQLException {
        if (!finished) {
            finished = true;
            handOver(chunk);
            handOver(END);
            join();
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void handOver(List<Object> items) throws SQLException {
        try {
            while (!queue.offer(items, 100, TimeUnit.MILLISECONDS)) {
                if (failure != null || !thread.isAlive()) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while storing rows", e);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void drain() {
        try {
            while (true) {
                List<Object> items = queue.take();
                if (items == END) {
                    return;
                }
                for (Object item : items) {
                    writer.write(item);
                }
            }
        } catch (SQLException e) {
            failure = e;
        } catch (InterruptedException e) {
            failure = new SQLException("interrupted while storing rows", e);
        } catch (RuntimeException e) {
            failure = new SQLException("storing rows failed: " + e, e);
        }
    }

    private void join() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the writer without waiting for what is queued (the transaction is being rolled back). */
    @Override
    public void close() {
        if (!finished) {
            finished = true;
            thread.interrupt();
            join();
        }
    }
}

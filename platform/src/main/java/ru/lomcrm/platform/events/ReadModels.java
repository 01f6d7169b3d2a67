package ru.lomcrm.platform.events;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Read-your-writes over an asynchronous projection: after a command the caller knows the
 * aggregate's new version; this waits (backing off, with a ceiling) until the read model shows
 * it, so the answer to a change always contains the change.
 */
public final class ReadModels {

    private ReadModels() {
    }

    /** @param projectedVersion the read model's version of the record, or -1 while it has none */
    public static boolean awaitVersion(LongSupplier projectedVersion, long version, Duration ceiling) {
        long deadline = System.nanoTime() + ceiling.toNanos();
        long pause = 5;
        while (System.nanoTime() < deadline) {
            if (projectedVersion.getAsLong() >= version) {
                return true;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            pause = Math.min(pause * 2, 200);
        }
        return projectedVersion.getAsLong() >= version;
    }
}

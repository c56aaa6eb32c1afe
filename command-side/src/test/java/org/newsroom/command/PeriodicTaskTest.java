package org.newsroom.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class PeriodicTaskTest {

    @Test
    void aRunThatFailsDoesNotStopTheNextRuns() {
        AtomicInteger runs = new AtomicInteger();
        PeriodicTask task = new PeriodicTask(
                "failing",
                Duration.ofMillis(10),
                () -> {
                    runs.incrementAndGet();
                    throw new IllegalStateException("the store is away");
                },
                "Could not run");
        task.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 3);
        } finally {
            task.stop();
        }
    }

    @Test
    void noRunHappensAfterStop() {
        AtomicInteger runs = new AtomicInteger();
        PeriodicTask task = new PeriodicTask("counting", Duration.ofMillis(10), runs::incrementAndGet, "Could not run");
        task.start();
        assertThat(task.isRunning()).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 1);
        task.stop();
        int afterStop = runs.get();
        assertThat(task.isRunning()).isFalse();
        // another task on a fresh timer runs several times meanwhile: the stopped one had every chance to run too
        AtomicInteger witness = new AtomicInteger();
        PeriodicTask other = new PeriodicTask("witness", Duration.ofMillis(10), witness::incrementAndGet, "x");
        other.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> witness.get() >= 5);
        } finally {
            other.stop();
        }
        assertThat(runs.get()).isEqualTo(afterStop);
    }
}

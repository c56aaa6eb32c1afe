package org.newsroom.command;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs a task every {@code interval} on one daemon thread of this instance, from the application's start to its
 * stop; a run that fails is logged and the next one happens as planned. The timer is this instance's own: it only
 * decides when to look, so a task must decide what to do from what is shared (MongoDB, the drop folder), never from
 * a field, and be harmless when several instances run it.
 */
public final class PeriodicTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final Duration interval;
    private final Runnable task;
    private final String whenFailing;
    private @Nullable ScheduledExecutorService timer;

    /**
     * @param name the thread's name
     * @param whenFailing what the log says when a run fails, e.g. "Could not read the drop folder"
     */
    public PeriodicTask(String name, Duration interval, Runnable task, String whenFailing) {
        this.name = name;
        this.interval = interval;
        this.task = task;
        this.whenFailing = whenFailing;
    }

    private void run() {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("{}; trying again in {}", whenFailing, interval, e);
        }
    }

    @Override
    public synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        timer.scheduleWithFixedDelay(this::run, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}

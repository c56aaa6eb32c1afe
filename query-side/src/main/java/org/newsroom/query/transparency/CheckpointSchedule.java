package org.newsroom.query.transparency;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * When checkpoints are signed, on one thread of this instance ({@code checkpoint-signer}): right after a batch of the
 * signer processor that held a publication, and on a tick while this instance holds the signer processor's only
 * segment, whenever the interval has passed. Another instance's tick does nothing while it does not hold the claim,
 * so there is one signer at a time; the log's uniqueness of sequence numbers settles the moment a claim moves.
 */
class CheckpointSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSchedule.class);
    private static final String REQUESTED = CheckpointSchedule.class.getName() + ".requested";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final CheckpointSigner signer;
    private final ObjectProvider<Configuration> axon;
    private final Duration tick;
    // the signing thread of this instance; what it decides from lives in MongoDB
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread named = new Thread(runnable, "checkpoint-signer");
        named.setDaemon(true);
        return named;
    });
    private volatile boolean running;

    CheckpointSchedule(CheckpointSigner signer, ObjectProvider<Configuration> axon, TransparencySettings settings) {
        this.signer = signer;
        this.axon = axon;
        long millis =
                Math.max(100, Math.min(1_000, settings.checkpointInterval().toMillis() / 5));
        this.tick = Duration.ofMillis(millis);
    }

    /** Asks for a checkpoint once the current batch of the signer processor is handled, or at once outside one. */
    void checkpointAfterThisBatch() {
        if (!CurrentUnitOfWork.isStarted()) {
            checkpointNow();
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        if (batch.resources().putIfAbsent(REQUESTED, Boolean.TRUE) == null) {
            batch.onPrepareCommit(unitOfWork -> checkpointNow());
        }
    }

    /** Signs a checkpoint now if the tree holds anything the latest does not, on the signing thread. */
    void checkpointNow() {
        run(thread, () -> signer.signIfDue(true));
    }

    private void onTick() {
        try {
            if (holdsTheSignerClaim()) {
                signer.signIfDue(false);
            }
        } catch (RuntimeException e) {
            log.warn("Could not sign a checkpoint; trying again in {}: {}", tick, e.toString());
        }
    }

    boolean holdsTheSignerClaim() {
        Configuration configuration = axon.getIfAvailable();
        return configuration != null
                && configuration
                        .eventProcessingConfiguration()
                        .eventProcessor(TransparencyConfiguration.SIGNER, StreamingEventProcessor.class)
                        .map(processor -> processor.processingStatus().containsKey(0))
                        .orElse(false);
    }

    private static void run(ExecutorService executor, Runnable task) {
        try {
            executor.submit(task).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signing a checkpoint", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException("could not sign a checkpoint", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("signing a checkpoint took longer than " + WAIT, e);
        }
    }

    @Override
    public void start() {
        thread.scheduleWithFixedDelay(this::onTick, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        thread.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

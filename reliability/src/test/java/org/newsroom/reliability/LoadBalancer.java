package org.newsroom.reliability;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.core.ConditionTimeoutException;

/**
 * Several forked instances behind one address, as a load balancer with health checks puts them: each request goes to
 * the next instance in turn that is {@linkplain ForkedNewsroom#isRunning() running} (started, healthy, not killed
 * since). A request already on its way to an instance that is then killed gets no answer, as behind a real balancer.
 * The balancer remembers, per client thread, which instance the thread's last request went to, so that a client can
 * read its write back from another one.
 */
final class LoadBalancer implements Availability, AutoCloseable {

    private final List<ForkedNewsroom> instances;
    private final AtomicInteger next = new AtomicInteger();
    /** Per client thread, the instance its last request went to: that thread's own bookkeeping, nothing shared. */
    private final ThreadLocal<Integer> lastServed = ThreadLocal.withInitial(() -> -1);

    LoadBalancer(List<ForkedNewsroom> instances) {
        this.instances = List.copyOf(instances);
    }

    /** A client of the balanced address (HTTP Basic with the demo password for every user). */
    Http http() {
        return new Http(this::uri, Map.of());
    }

    /** A client of one instance only. */
    Http pinned(int instance) {
        return new Http(instances.get(instance)::uri, Map.of());
    }

    int size() {
        return instances.size();
    }

    ForkedNewsroom instance(int index) {
        return instances.get(index);
    }

    /** The instance this thread's last request through {@link #http()} went to; -1 before the first. */
    int lastServed() {
        return lastServed.get();
    }

    /**
     * The next running instance in turn other than {@code except} (-1 for none), or -1 when no other one runs;
     * {@code attempt} moves on past instances tried before.
     */
    int another(int except, int attempt) {
        int start = next.getAndIncrement() + attempt;
        for (int i = 0; i < instances.size(); i++) {
            int candidate = Math.floorMod(start + i, instances.size());
            if (candidate != except && instances.get(candidate).isRunning()) {
                return candidate;
            }
        }
        return -1;
    }

    private URI uri(String path) {
        int chosen = another(-1, 0);
        if (chosen < 0) {
            // nothing is running: the request goes somewhere and finds nobody, as behind a real balancer
            chosen = Math.floorMod(next.getAndIncrement(), instances.size());
        }
        lastServed.set(chosen);
        return instances.get(chosen).uri(path);
    }

    /** Waits until at least one instance runs. */
    @Override
    public boolean awaitRunning(Duration timeout) {
        try {
            await().atMost(timeout)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> instances.stream().anyMatch(ForkedNewsroom::isRunning));
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    /** Kills every instance still alive. */
    @Override
    public void close() {
        instances.forEach(ForkedNewsroom::close);
    }
}

package org.newsroom.eventlog;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.UUID;

/**
 * This application instance's name among the instances that share one MongoDB: the owner of its token claims, its
 * heartbeats and its leases. {@code newsroom.instance-id} sets it; otherwise it is made unique per start (host, process,
 * a random part), so that two instances in one JVM (tests) never share a claim, as they would under Axon's default
 * per-JVM node id.
 */
public record InstanceId(String value) {

    public InstanceId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an instance id must not be blank");
        }
    }

    /** The configured name, or a generated one when none is configured. */
    public static InstanceId configuredOr(String configured) {
        return new InstanceId(configured != null && !configured.isBlank() ? configured.trim() : generated());
    }

    private static String generated() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "host";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public String toString() {
        return value;
    }
}

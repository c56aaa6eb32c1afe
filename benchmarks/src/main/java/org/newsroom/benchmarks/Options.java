package org.newsroom.benchmarks;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The sizes of one run. {@link #full()} is the documented run; {@link #tiny()} is the smoke run of the test suite.
 * Any size can be overridden with {@code --name=value}; {@code --only=eventlog,aggregate,micro,app,storage} runs a part.
 *
 * @param logSize           events in the log when engine and peer are measured (both the same)
 * @param appends           appends per timed run of the engine and of raw insertOne
 * @param commands          load+append commands per timed run (engine and peer)
 * @param peerAppends       appends per timed run of the peer
 * @param readCount         events read from position 0 per timed read of the engine and of raw reads
 * @param peerReadCount     events read from the tail per timed read of the peer (its rate per event does not depend
 *                          on how many are read, only on the log's size, and it is slow)
 * @param repeats           timed runs per figure; the median is reported
 * @param aggregateSizes    events of the articles whose load time is measured
 * @param rebuildEvents     events in the log that the projections are rebuilt from
 * @param memoryArticles    articles drafted and published before the heap is measured
 * @param httpSeconds       seconds per timed HTTP run
 * @param httpClients       concurrent HTTP clients
 * @param publishes         publishes whose latency to the site is measured
 * @param scheduled         scheduled publications whose delay from their time is measured
 * @param jmh               JMH iterations: "full" or "tiny"
 * @param appJar            the standalone jar to fork; none: the application is started in this JVM (tests)
 * @param memoryBackend     also measure the storage limit and the engine on the in-memory backend
 * @param only              the parts to run
 * @param out               where results.json and results.md go
 * @param appJvmArgs        extra JVM arguments of the forked application (for example a JFR recording)
 * @param storageEvents     one-event drafts written before the embedded store's size and open time are measured
 * @param listArticles      the newsroom sizes (articles) at which every list is timed ({@code --list-articles=})
 * @param listRequests      timed requests per list and size; the median is reported
 */
record Options(
        int logSize,
        int appends,
        int commands,
        int peerAppends,
        int readCount,
        int peerReadCount,
        int repeats,
        int[] aggregateSizes,
        int rebuildEvents,
        int memoryArticles,
        int httpSeconds,
        int httpClients,
        int publishes,
        int scheduled,
        String jmh,
        Path appJar,
        boolean memoryBackend,
        Set<String> only,
        Path out,
        String appJvmArgs,
        int storageEvents,
        int[] listArticles,
        int listRequests) {

    static final Set<String> PARTS = Set.of("eventlog", "aggregate", "micro", "app", "storage", "lists");

    static Options full() {
        return new Options(
                10_000,
                2_000,
                500,
                300,
                5_000,
                1_000,
                3,
                new int[] {10, 1_000, 100_000},
                100_000,
                100_000,
                5,
                16,
                1_000,
                100,
                "full",
                Path.of("standalone/target/newsroom.jar"),
                true,
                PARTS,
                Path.of("benchmarks/target"),
                "",
                20_000,
                new int[] {1_000, 5_000},
                25);
    }

    static Options tiny(Path out) {
        return new Options(
                60,
                30,
                10,
                10,
                40,
                20,
                1,
                new int[] {3, 12, 120},
                150,
                40,
                1,
                4,
                5,
                3,
                "tiny",
                null,
                true,
                PARTS,
                out,
                "",
                60,
                new int[] {24},
                3);
    }

    boolean runs(String part) {
        return only.contains(part);
    }

    static Options parse(String[] args) {
        Map<String, String> given = new LinkedHashMap<>();
        Arrays.stream(args).filter(arg -> arg.startsWith("--")).forEach(arg -> {
            String[] pair = arg.substring(2).split("=", 2);
            given.put(pair[0], pair.length > 1 ? pair[1] : "true");
        });
        Options base =
                Boolean.parseBoolean(given.getOrDefault("tiny", "false")) ? tiny(Path.of("benchmarks/target")) : full();
        String jar = given.get("app-jar");
        return new Options(
                integer(given, "log-size", base.logSize()),
                integer(given, "appends", base.appends()),
                integer(given, "commands", base.commands()),
                integer(given, "peer-appends", base.peerAppends()),
                integer(given, "read-count", base.readCount()),
                integer(given, "peer-read-count", base.peerReadCount()),
                integer(given, "repeats", base.repeats()),
                given.containsKey("aggregate-sizes")
                        ? Arrays.stream(given.get("aggregate-sizes").split(","))
                                .mapToInt(Integer::parseInt)
                                .toArray()
                        : base.aggregateSizes(),
                integer(given, "rebuild-events", base.rebuildEvents()),
                integer(given, "memory-articles", base.memoryArticles()),
                integer(given, "http-seconds", base.httpSeconds()),
                integer(given, "http-clients", base.httpClients()),
                integer(given, "publishes", base.publishes()),
                integer(given, "scheduled", base.scheduled()),
                given.getOrDefault("jmh", base.jmh()),
                jar == null ? base.appJar() : jar.isEmpty() ? null : Path.of(jar),
                Boolean.parseBoolean(given.getOrDefault("memory-backend", String.valueOf(base.memoryBackend()))),
                given.containsKey("only") ? Set.of(given.get("only").split(",")) : base.only(),
                Path.of(given.getOrDefault("out", base.out().toString())),
                given.getOrDefault("app-jvm-args", base.appJvmArgs()),
                integer(given, "storage-events", base.storageEvents()),
                given.containsKey("list-articles")
                        ? Arrays.stream(given.get("list-articles")
                                        .replace("_", "")
                                        .split(","))
                                .mapToInt(Integer::parseInt)
                                .toArray()
                        : base.listArticles(),
                integer(given, "list-requests", base.listRequests()));
    }

    private static int integer(Map<String, String> given, String name, int fallback) {
        return given.containsKey(name) ? Integer.parseInt(given.get(name).replace("_", "")) : fallback;
    }
}

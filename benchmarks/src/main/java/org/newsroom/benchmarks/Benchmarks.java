package org.newsroom.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Entry point of the whole suite: {@code java -jar benchmarks/target/benchmarks.jar}. Sizes can be changed with
 * {@code --name=value} (see {@link Options}); {@code --only=eventlog,aggregate,micro,app,lists} runs a part. Writes
 * {@code benchmarks/target/results.json} and {@code benchmarks/target/results.md}.
 */
public final class Benchmarks {

    private Benchmarks() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        Options options = Options.parse(args);
        RunningApp.Launcher launcher = ForkedApp.launcher(options.appJar(), options.out(), options.appJvmArgs());
        Results results = run(options, launcher);
        System.out.println();
        System.out.println(results.markdown());
        System.out.println(
                "results written to " + options.out().toAbsolutePath().resolve("results.json") + " and "
                        + options.out().toAbsolutePath().resolve("results.md"));
    }

    /** Runs the parts that {@code options} names, in order, and writes the results. */
    static Results run(Options options, RunningApp.Launcher launcher) throws Exception {
        Results results = new Results(System.out);
        Instant started = Instant.now();
        results.put("started", started.toString());
        results.put("load_average_at_start", loadAverage());
        results.put("cores", Runtime.getRuntime().availableProcessors());
        results.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        try {
            if (options.runs("eventlog")) {
                new EventLogBenchmark(options, results, false).run();
                if (options.memoryBackend()) {
                    new EventLogBenchmark(options, results, true).run();
                }
            }
            if (options.runs("aggregate")) {
                new AggregateLoadBenchmark(options, results).run();
            }
            if (options.runs("micro")) {
                new MicroBenchmarks(options, results).run();
            }
            if (options.runs("app")) {
                new AppBenchmark(options, results, launcher).run();
            }
            if (options.runs("storage")) {
                new StorageBenchmark(options, results).run();
            }
            if (options.runs("lists")) {
                new ListsBenchmark(options, results, launcher).run();
            }
        } finally {
            results.put("load_average_at_end", loadAverage());
            results.put("duration_s", Duration.between(started, Instant.now()).toSeconds());
            results.note(String.format(
                    Locale.ROOT,
                    "Run of %s, %d s, load average %.2f at start and %.2f at end.",
                    started,
                    (long) results.get("duration_s"),
                    results.get("load_average_at_start"),
                    results.get("load_average_at_end")));
            Files.createDirectories(options.out());
            results.write(options.out());
        }
        return results;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}

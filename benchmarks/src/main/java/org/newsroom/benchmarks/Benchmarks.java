package org.newsroom.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Entry point: {@code java -jar benchmarks/target/benchmarks.jar [--memory] [--small=1000] [--large=100000]
 * [--appends=2000] [--peer-appends=500] [--repeats=3] [--out=benchmarks/target/eventlog.json]}.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        Map<String, String> options = new LinkedHashMap<>();
        Arrays.stream(args).filter(arg -> arg.startsWith("--")).forEach(arg -> {
            String[] pair = arg.substring(2).split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "true");
        });
        EventLogBenchmark.Config config = new EventLogBenchmark.Config(
                Boolean.parseBoolean(options.getOrDefault("memory", "false")),
                Integer.parseInt(options.getOrDefault("small", "1000")),
                Integer.parseInt(options.getOrDefault("large", "100000")),
                Integer.parseInt(options.getOrDefault("appends", "2000")),
                Integer.parseInt(options.getOrDefault("peer-appends", "500")),
                Integer.parseInt(options.getOrDefault("repeats", "3")));
        Map<String, Object> results = new EventLogBenchmark(config, System.out).run();
        Path out = Path.of(options.getOrDefault("out", "benchmarks/target/eventlog.json"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), results);
        System.out.println("results written to " + out.toAbsolutePath());
    }
}

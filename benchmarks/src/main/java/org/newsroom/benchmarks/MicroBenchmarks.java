package org.newsroom.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link CodecBenchmarks} with JMH in a forked JVM. From the Spring Boot jar the fork needs a plain class path,
 * so the jar's classes and libraries are unpacked to a temporary directory first.
 */
final class MicroBenchmarks {

    private final Options options;
    private final Results results;

    MicroBenchmarks(Options options, Results results) {
        this.options = options;
        this.results = results;
    }

    void run() throws Exception {
        results.section("Micro-benchmarks (JMH, CPU per event around each round trip)");
        Path unpacked = plainClassPath();
        try {
            boolean tiny = "tiny".equals(options.jmh());
            ChainedOptionsBuilder builder = new OptionsBuilder()
                    .include(CodecBenchmarks.class.getName() + "\\.")
                    .forks(1)
                    .threads(1)
                    .warmupIterations(tiny ? 1 : 3)
                    .warmupTime(TimeValue.milliseconds(tiny ? 50 : 1_000))
                    .measurementIterations(tiny ? 1 : 5)
                    .measurementTime(TimeValue.milliseconds(tiny ? 50 : 1_000))
                    .jvmArgsAppend("-Xmx512m", "-Daxoniq.update-checker.disabled=true")
                    .verbosity(VerboseMode.SILENT)
                    .shouldFailOnError(true);
            Collection<RunResult> runs = new Runner(builder.build()).run();
            for (RunResult run : runs) {
                String method = run.getParams().getBenchmark();
                method = method.substring(method.lastIndexOf('.') + 1);
                double perSecond = run.getPrimaryResult().getScore();
                results.row(describe(method), "micro_" + snake(method) + "_per_s", perSecond, "ops/s");
                results.put("micro_" + snake(method) + "_us", 1e6 / perSecond);
            }
        } finally {
            if (unpacked != null) {
                Cleanup.delete(unpacked);
            }
        }
    }

    private static String describe(String method) {
        return switch (method) {
            case "appendEvent" -> "engine: prepare one event (BSON, canonical JSON, SHA-256)";
            case "readEvent" -> "engine: one stored event back to its record";
            case "bsonEncode" -> "driver: BSON-encode one stored event";
            case "bsonDecode" -> "driver: BSON-decode one stored event";
            default -> method;
        };
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * When running from the Spring Boot jar, unpacks {@code BOOT-INF/classes} and {@code BOOT-INF/lib} and points
     * {@code java.class.path} (which JMH gives its fork) at them; returns the directory to delete, or null.
     */
    private static Path plainClassPath() throws IOException {
        String classPath = System.getProperty("java.class.path");
        if (classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            return null;
        }
        try (JarFile jar = new JarFile(classPath)) {
            if (jar.getEntry("BOOT-INF/classes/") == null) {
                return null;
            }
            Path directory = Files.createTempDirectory("newsroom-jmh-classpath");
            Path classes = directory.resolve("classes");
            List<String> entries = new ArrayList<>();
            entries.add(classes.toString());
            for (Enumeration<JarEntry> all = jar.entries(); all.hasMoreElements(); ) {
                JarEntry entry = all.nextElement();
                String name = entry.getName();
                Path target = null;
                if (name.startsWith("BOOT-INF/classes/") && !entry.isDirectory()) {
                    target = classes.resolve(name.substring("BOOT-INF/classes/".length()));
                } else if (name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar")) {
                    target = directory.resolve(name.substring("BOOT-INF/".length()));
                    entries.add(target.toString());
                }
                if (target != null) {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = jar.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            System.setProperty("java.class.path", String.join(java.io.File.pathSeparator, entries));
            return directory;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}

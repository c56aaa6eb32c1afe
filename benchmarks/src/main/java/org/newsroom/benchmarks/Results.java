package org.newsroom.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Every figure of a run under one flat key (for {@code results.json}), and the rows of the Markdown table: a figure,
 * its baseline from the same run, the ratio, and the target it answers, if any.
 */
final class Results {

    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<String> table = new ArrayList<>();
    private final PrintStream out;
    private String section;

    Results(PrintStream out) {
        this.out = out;
    }

    void put(String key, Object value) {
        figures.put(key, value);
    }

    double get(String key) {
        Object value = figures.get(key);
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("no figure " + key);
        }
        return number.doubleValue();
    }

    boolean has(String key) {
        return figures.containsKey(key);
    }

    Map<String, Object> figures() {
        return figures;
    }

    void section(String title) {
        section = title;
        table.add("");
        table.add("### " + title);
        table.add("");
        table.add("| figure | value | compared with (same run) | ratio | target | holds |");
        table.add("|---|---:|---|---:|---|:---:|");
        out.printf("%n== %s%n", title);
    }

    /** A figure without a baseline. */
    void row(String what, String key, double value, String unit) {
        put(key, value);
        table.add(String.format(Locale.ROOT, "| %s | %s %s | | | | |", what, format(value), unit));
        out.printf(Locale.ROOT, "%-48s %12s %s%n", what, format(value), unit);
    }

    /** A figure compared with a baseline; records {@code ratioKey} when given. */
    void row(
            String what,
            String key,
            double value,
            String unit,
            String baselineKey,
            String baselineName,
            String ratioKey,
            Target target) {
        put(key, value);
        double ratio = value / get(baselineKey);
        if (ratioKey != null) {
            put(ratioKey, ratio);
        }
        String verdict = target == null ? "" : target.holds(ratio) ? "yes" : "**no**";
        if (target != null && ratioKey != null) {
            put(ratioKey + "_target_holds", target.holds(ratio));
        }
        table.add(String.format(
                Locale.ROOT,
                "| %s | %s %s | %s (%s) | %.2f | %s | %s |",
                what,
                format(value),
                unit,
                baselineName,
                format(get(baselineKey)),
                ratio,
                target == null ? "" : target.text(),
                verdict));
        out.printf(
                Locale.ROOT,
                "%-48s %12s %-9s %6.2f x %s%s%n",
                what,
                format(value),
                unit,
                ratio,
                baselineName,
                target == null ? "" : "   target " + target.text() + ": " + (target.holds(ratio) ? "holds" : "MISSED"));
    }

    /** An absolute target, such as a latency bound. */
    void row(String what, String key, double value, String unit, Target target) {
        put(key, value);
        String verdict = target.holds(value) ? "yes" : "**no**";
        put(key + "_target_holds", target.holds(value));
        table.add(String.format(
                Locale.ROOT, "| %s | %s %s | | | %s | %s |", what, format(value), unit, target.text(), verdict));
        out.printf(
                Locale.ROOT,
                "%-48s %12s %-9s target %s: %s%n",
                what,
                format(value),
                unit,
                target.text(),
                target.holds(value) ? "holds" : "MISSED");
    }

    void note(String text) {
        table.add("");
        table.add(text);
    }

    String markdown() {
        StringBuilder markdown = new StringBuilder("## Newsroom benchmark results\n");
        table.forEach(line -> markdown.append(line).append('\n'));
        return markdown.toString();
    }

    void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(directory.resolve("results.json").toFile(), figures);
        Files.writeString(directory.resolve("results.md"), markdown());
    }

    String currentSection() {
        return section;
    }

    static String format(double value) {
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (Math.abs(value) >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** A bound on a ratio or a value. */
    record Target(String text, double bound, boolean atLeast) {

        static Target atLeast(double bound, String text) {
            return new Target(text, bound, true);
        }

        static Target atMost(double bound, String text) {
            return new Target(text, bound, false);
        }

        boolean holds(double value) {
            return atLeast ? value >= bound : value <= bound;
        }
    }
}

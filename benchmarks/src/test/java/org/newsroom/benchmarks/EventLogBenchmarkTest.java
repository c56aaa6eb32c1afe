package org.newsroom.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A smoke run of the event log benchmark at tiny sizes, so that the benchmark cannot rot. */
class EventLogBenchmarkTest {

    @Test
    void aTinyRunMeasuresEveryFigure() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Map<String, Object> results = new EventLogBenchmark(
                new EventLogBenchmark.Config(true, 50, 120, 40, 20, 1),
                new PrintStream(printed, true, StandardCharsets.UTF_8)).run();

        assertThat(results).containsKeys("small.raw_insert_per_s", "small.engine_append_per_s_1t",
                "small.engine_append_per_s_8t", "small.engine_command_per_s_1t", "small.engine_read_per_s",
                "large.engine_append_per_s_1t", "large.engine_read_per_s", "peer_append_per_s", "peer_read_per_s",
                "engine_append_1t_vs_raw_insert", "engine_read_vs_raw_id_read", "read_large_vs_small");
        results.forEach((key, value) -> {
            if (key.endsWith("_per_s") || key.contains("_vs_")) {
                assertThat(((Number) value).doubleValue()).as(key).isPositive().isFinite();
            }
        });
        assertThat((long) results.get("large.log_size")).isGreaterThan((long) results.get("small.log_size"));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("raw driver insertOne", "the peer");
    }
}

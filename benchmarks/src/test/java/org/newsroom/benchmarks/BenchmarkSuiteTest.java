package org.newsroom.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A smoke run of the whole benchmark suite at tiny sizes, with the application started in this JVM, so that no part
 * of the suite can rot. It checks that every figure is measured and positive, never how fast anything is.
 */
class BenchmarkSuiteTest {

    private static final List<String> FIGURES = List.of(
            "raw_insert_per_s",
            "raw_id_read_per_s",
            "engine_append_per_s_1t",
            "engine_append_per_s_4t",
            "engine_append_per_s_16t",
            "engine_read_per_s",
            "engine_command_per_s_1t",
            "engine_command_per_s_16t",
            "peer_append_per_s",
            "peer_append_per_s_16t",
            "peer_command_per_s_1t",
            "peer_command_per_s_16t",
            "peer_read_per_s",
            "engine_append_1t_vs_raw_insert",
            "engine_read_vs_raw_id_read",
            "engine_vs_peer_append_1t",
            "engine_vs_peer_command_16t",
            "engine_vs_peer_read",
            "memory.raw_insert_per_s",
            "memory.raw_id_read_per_s",
            "memory.engine_append_per_s_1t",
            "memory.engine_read_per_s",
            "memory.peer_read_per_s",
            "load_ms_3",
            "load_ms_12",
            "load_ms_120",
            "load_ms_3_no_snapshot",
            "load_ms_120_no_snapshot",
            "load_120_vs_3",
            "micro_append_event_per_s",
            "micro_read_event_per_s",
            "micro_bson_encode_per_s",
            "micro_bson_decode_per_s",
            "live_catchup_per_s",
            "rebuild_per_s",
            "rebuild_site_per_s",
            "rebuild_editorial_per_s",
            "rebuild_audit_per_s",
            "rebuild_vs_raw_read",
            "http_draft_per_s",
            "http_health_per_s",
            "http_draft_ratio",
            "site_p50_ms",
            "site_p99_ms",
            "health_p50_ms",
            "health_p99_ms",
            "site_p99_ratio",
            "publish_to_site_p50_ms",
            "publish_to_site_p99_ms",
            "schedule_fire_p50_ms",
            "schedule_fire_p99_ms",
            "schedule_to_site_p50_ms",
            "schedule_to_site_p99_ms",
            "heap_mb_100k_articles",
            "data_dir_mb_per_1000_events",
            "storage_raw_kb_per_event",
            "storage_dir_kb_per_event",
            "storage_round10_vs_round2",
            "storage_open_ms",
            "lists_work_all_ms_24",
            "lists_work_search_ms_24",
            "lists_site_first_ms_24",
            "lists_audit_search_ms_24",
            "lists_ingest_all_ms_24");

    @Test
    void aTinyRunMeasuresEveryFigure(@TempDir Path out) throws Exception {
        Results results = Benchmarks.run(Options.tiny(out), InProcessApp.launcher());

        Map<String, Object> figures = results.figures();
        assertThat(figures).containsKeys(FIGURES.toArray(String[]::new));
        FIGURES.forEach(key -> assertThat(((Number) figures.get(key)).doubleValue())
                .as(key)
                .isPositive()
                .isFinite());
        JsonNode written =
                new ObjectMapper().readTree(out.resolve("results.json").toFile());
        FIGURES.forEach(
                key -> assertThat(written.has(key)).as(key + " in results.json").isTrue());
        assertThat(Files.readString(out.resolve("results.md")))
                .contains(
                        "| figure | value |",
                        "raw driver insertOne",
                        "peer",
                        "rebuild",
                        "publish → site",
                        "scheduled time → ArticlePublished");
    }
}

package org.newsroom.eventlog.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsroom.article.ArticleDrafted;
import org.newsroom.article.ArticleId;
import org.newsroom.article.ArticleRevised;
import org.newsroom.eventlog.EventLogStorageEngine;

/** Export under load and import into a fresh store, through the real driver against the embedded server. */
class LogExportIT extends ExportEnds {

    private static final int WRITERS = 4;
    /** The files of these tests carry no checkpoint, unless a test signs one. */
    private static final CheckpointTrust UNSIGNED = CheckpointTrust.signedBy(List.of(), true);

    @Test
    void anExportTakenWhileWritersRunImportsAsTheSameLogUpToItsSize() throws Exception {
        AtomicLong articles = new AtomicLong();
        for (int i = 0; i < 50; i++) {
            story(articles.incrementAndGet(), 1 + i % 4);
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            writers.add(pool.submit(() -> {
                while (writing.get()) {
                    story(articles.incrementAndGet(), 3);
                }
            }));
        }
        Path file = directory.resolve("log.ndjson.gz");
        LogExport.Written written;
        try {
            awaitHeadAbove(300);
            LogExport export = new LogExport(source.log, source.database, null, Clock.systemUTC());
            try (OutputStream out = Files.newOutputStream(file)) {
                written = export.write(export.size(null), out);
            }
            long exportedAt = written.size();
            awaitHeadAbove(exportedAt + 100);
        } finally {
            writing.set(false);
            for (Future<?> writer : writers) {
                writer.get(30, TimeUnit.SECONDS);
            }
            pool.shutdown();
        }
        assertThat(source.log.headPosition())
                .as("the writers went on during the export")
                .isGreaterThan(written.size());

        LogImport.Verified verified = new LogImport(target.log, target.database).restore(file, UNSIGNED);

        assertThat(verified.size()).isEqualTo(written.size()).isEqualTo(verified.events());
        assertThat(verified.commits()).isEqualTo(written.commits());
        assertThat(target.log.headPosition()).isEqualTo(written.size());
        assertThat(lines(target.log, written.size()))
                .as("positions, commit ids, hashes and content, commit by commit")
                .containsExactlyElementsOf(lines(source.log, written.size()));
        Document commit = target.database.getCollection("events").find().first();
        assertThat(commit.get("_id")).isInstanceOf(Long.class);
        assertThat(commit.getList("events", Document.class).get(0).get("timestamp"))
                .isInstanceOf(java.util.Date.class);
        String article = commit.getString("aggregateId");
        List<Object> restored = target.log
                .readEvents(article)
                .asStream()
                .map(event -> (Object) event.getPayload())
                .toList();
        List<Object> original = source.log
                .readEvents(article)
                .asStream()
                .map(event -> (Object) event.getPayload())
                .toList();
        assertThat(restored)
                .as("the restored events load as the originals")
                .isEqualTo(original)
                .isNotEmpty();
    }

    @Test
    void anUpToInsideACommitEndsTheExportBeforeThatCommit() throws IOException {
        story(1, 1);
        source.log.appendEvents(List.of(revised(1, 1), revised(1, 2), revised(1, 3)));
        story(2, 1);
        LogExport export = new LogExport(source.log, source.database, null, Clock.systemUTC());

        assertThat(export.size("3")).as("positions 2-4 are one commit").isEqualTo(1);
        assertThat(export.size("4")).isEqualTo(4);
        assertThat(export.size(null)).isEqualTo(5);
        assertThatThrownBy(() -> export.size("6"))
                .isInstanceOfSatisfying(
                        ExportRefused.class,
                        refused -> assertThat(refused.code()).isEqualTo("position-beyond-head"));
        assertThatThrownBy(() -> export.size("-1"))
                .isInstanceOfSatisfying(
                        ExportRefused.class,
                        refused -> assertThat(refused.code()).isEqualTo("invalid-up-to"));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(export.write(export.size("3"), out)).isEqualTo(new LogExport.Written(1, 1, 1, 0, false, null));
        assertThat(EmbeddedLog.gunzip(out.toByteArray()).lines().toList())
                .hasSize(3)
                .first()
                .asString()
                .startsWith("{\"kind\":\"header\",\"format\":\"newsroom-log-export/1\",\"size\":1,\"exportedAt\":\"");
    }

    static Stream<Arguments> alterations() {
        return Stream.of(
                Arguments.of(
                        "one byte of a payload changed",
                        (UnaryOperator<String>) text -> text.replaceFirst("Headline 2\\.0", "Headline 2.1"),
                        "does not match its hash"),
                Arguments.of(
                        "a commit removed",
                        (UnaryOperator<String>)
                                text -> text.replaceFirst("\\{\"kind\":\"commit\",\"position\":3,[^\n]*\n", ""),
                        "without a gap"),
                Arguments.of(
                        "the end line's counts changed",
                        (UnaryOperator<String>) text -> text.replace("\"commits\":6", "\"commits\":5"),
                        "the end line counts 5 commits"),
                Arguments.of(
                        "the end line removed",
                        (UnaryOperator<String>) text -> text.replaceFirst("\\{\"kind\":\"end\"[^\n]*\n", ""),
                        "truncated"),
                Arguments.of(
                        "an unverifiable checkpoint added",
                        (UnaryOperator<String>) text -> text.replace(
                                "{\"kind\":\"end\"",
                                "{\"kind\":\"checkpoint\",\"size\":6,\"rootHash\":\"AA==\",\"timestamp\":\"x\","
                                        + "\"note\":\"n\"}\n{\"kind\":\"end\""),
                        "checkpoint"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("alterations")
    void anAlteredFileIsRefusedAndNothingIsWritten(String what, UnaryOperator<String> alteration, String reason)
            throws IOException {
        for (int article = 1; article <= 3; article++) {
            story(article, 2);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LogExport export = new LogExport(source.log, source.database, null, Clock.systemUTC());
        export.write(export.size(null), out);
        String original = EmbeddedLog.gunzip(out.toByteArray());
        String altered = alteration.apply(original);
        assertThat(altered).as("the alteration applies").isNotEqualTo(original);
        Path file = directory.resolve("altered.ndjson.gz");
        Files.write(file, EmbeddedLog.gzip(altered));

        assertThatThrownBy(() -> new LogImport(target.log, target.database).restore(file, UNSIGNED))
                .isInstanceOf(ImportRefused.class)
                .hasMessageContaining(reason);
        assertThat(target.database.getCollection("events").countDocuments()).isZero();
    }

    @Test
    void aStoreThatHoldsAnythingIsRefused() throws IOException {
        story(1, 2);
        Path file = directory.resolve("log.ndjson.gz");
        LogExport export = new LogExport(source.log, source.database, null, Clock.systemUTC());
        try (OutputStream out = Files.newOutputStream(file)) {
            export.write(export.size(null), out);
        }
        target.database.getCollection("projection_tokens").insertOne(new Document("processorName", "site"));

        assertThatThrownBy(() -> new LogImport(target.log, target.database).restore(file, UNSIGNED))
                .isInstanceOf(ImportRefused.class)
                .hasMessageContaining("not empty");
        assertThat(target.database.getCollection("events").countDocuments()).isZero();
    }

    /** A story of {@code events} events, one commit each. */
    private void story(long number, int events) {
        String id = "article-" + number;
        source.log.appendEvents(List.of(new GenericDomainEventMessage<>(
                "Article",
                id,
                0,
                new ArticleDrafted(new ArticleId(id), "Headline " + number + ".0", "", "<p>Body</p>", "en"),
                MetaData.with("actor", "reporter").and("count", number))));
        for (int seq = 1; seq < events; seq++) {
            source.log.appendEvents(List.of(revised(number, seq)));
        }
    }

    private static DomainEventMessage<?> revised(long number, long seq) {
        String id = "article-" + number;
        return new GenericDomainEventMessage<>(
                "Article",
                id,
                seq,
                new ArticleRevised(new ArticleId(id), "Headline " + number + "." + seq, null, null, null),
                MetaData.with("actor", "editor"));
    }

    private void awaitHeadAbove(long position) {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .until(() -> source.log.headPosition() > position);
    }

    private static List<String> lines(EventLogStorageEngine log, long upTo) {
        List<String> lines = new ArrayList<>();
        log.forEachCommit(upTo, commit -> lines.add(LogExport.commitLine(commit).toString()));
        return lines;
    }
}

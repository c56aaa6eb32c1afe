package org.newsroom.eventlog.export;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The two ends of an export in the export tests: a source and a target store, fresh for every test. */
abstract class ExportEnds {

    @TempDir
    Path directory;

    EmbeddedLog source;
    EmbeddedLog target;

    @BeforeEach
    void open() {
        source = new EmbeddedLog(directory.resolve("source"));
        target = new EmbeddedLog(directory.resolve("target"));
    }

    @AfterEach
    void close() {
        source.close();
        target.close();
    }
}

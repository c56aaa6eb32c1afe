package org.newsroom.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.newsroom.testing.TempDirs;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * A damaged data file stops the start with an error that names it and says how to restore the data, instead of
 * opening as an older or empty newsroom; the data directory and file are private to their owner.
 */
class DataFileTest {

    enum Damage {
        EMPTIED {
            @Override
            void to(RandomAccessFile file) throws IOException {
                file.setLength(0);
            }
        },
        CUT_IN_HALF {
            @Override
            void to(RandomAccessFile file) throws IOException {
                file.setLength(file.length() / 2);
            }
        },
        LAST_QUARTER_CUT_OFF {
            @Override
            void to(RandomAccessFile file) throws IOException {
                file.setLength(file.length() * 3 / 4);
            }
        },
        HEADER_OVERWRITTEN {
            @Override
            void to(RandomAccessFile file) throws IOException {
                file.seek(0);
                file.write(new byte[8192]);
            }
        };

        abstract void to(RandomAccessFile file) throws IOException;
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void aDamagedFileStopsTheStartWithAnErrorThatSaysHowToRestore(Damage damage) throws IOException {
        Path dir = filledDataDirectory();
        Path file = dir.resolve(EmbeddedMongoServer.FILE_NAME).toAbsolutePath();
        try (RandomAccessFile damaged = new RandomAccessFile(file.toFile(), "rw")) {
            damage.to(damaged);
        }
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> EmbeddedMongoServer.start(dir).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The data file " + file + " is damaged")
                .hasMessageContaining("java -jar newsroom.jar import FILE");
        assertThat(Files.readAllBytes(file)).as("the damaged file, untouched").isEqualTo(before);
    }

    @Test
    void theApplicationDoesNotStartOnADamagedFile() throws IOException {
        Path dir = filledDataDirectory();
        Files.write(dir.resolve(EmbeddedMongoServer.FILE_NAME), new byte[0]);

        new ApplicationContextRunner()
                .withInitializer(context ->
                        context.getBeanFactory().setConversionService(ApplicationConversionService.getSharedInstance()))
                .withConfiguration(AutoConfigurations.of(EmbeddedMongoConfiguration.class))
                .withPropertyValues("newsroom.data-dir=" + dir)
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("is damaged (it is empty)"));
    }

    @Test
    void aFileInUseByAnotherServerIsNotCalledDamaged() {
        Path dir = TempDirs.create("in-use");
        try (EmbeddedMongoServer first = EmbeddedMongoServer.start(dir)) {
            assertThatThrownBy(() -> EmbeddedMongoServer.start(dir).close())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another process")
                    .hasMessageNotContaining("damaged");
        }
    }

    @Test
    void theDataDirectoryAndFileAreCreatedReadableByTheirOwnerOnly() throws IOException {
        Path parent = TempDirs.create("private");
        assumeTrue(parent.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path dir = parent.resolve("data").resolve("newsroom");

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dir)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.getParent())))
                    .isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                    .isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.dataFile())))
                    .isEqualTo("rw-------");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(EmbeddedMongoServer.FILE_NAME);
        }
    }

    private static Path filledDataDirectory() {
        Path dir = TempDirs.create("damaged");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dir);
                MongoClient client = MongoClients.create(server.connectionString())) {
            IntStream.range(0, 100)
                    .forEach(i -> client.getDatabase("newsroom")
                            .getCollection("documents")
                            .insertOne(new Document("_id", i).append("body", "x".repeat(500))));
        }
        return dir;
    }
}

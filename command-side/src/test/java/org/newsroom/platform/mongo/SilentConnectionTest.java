package org.newsroom.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.newsroom.platform.web.MongoUnavailable;

/**
 * A connection that goes silent (a partition, a stalled server) fails an operation within
 * {@code newsroom.mongodb.socket-timeout} instead of blocking it forever. Found by the reliability suite (scenario
 * 6): with the driver's default of no read timeout, a command and a projection waited on such a connection until it
 * was closed, 60 s and more after the database was back.
 */
class SilentConnectionTest {

    @Test
    void anOperationOnASilentConnectionFailsWithinTheSocketTimeout() throws Exception {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startInMemory();
             SilenceableProxy proxy = new SilenceableProxy(URI.create(server.connectionString()))) {
            MongoConfiguration.MongoConnection connection = new MongoConfiguration().mongoConnection(
                    "mongodb://127.0.0.1:" + proxy.port() + "/test", "test", Path.of("unused"), false,
                    Duration.ofSeconds(3), Duration.ofMillis(800));
            try (connection) {
                assertThat(connection.database().runCommand(new Document("ping", 1)).get("ok")).isNotNull();
                proxy.silence();

                Throwable failure = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> catchThrowable(() ->
                        connection.database().getCollection("any").find().first()));

                assertThat(failure).isNotNull();
                assertThat(MongoUnavailable.causedBy(failure)).as("%s counts as unavailable", failure).isTrue();
            }
        }
    }

    /** Forwards bytes both ways until silenced; then holds everything, answering nothing, closing nothing. */
    private static final class SilenceableProxy implements AutoCloseable {
        private final ServerSocket listener = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        private volatile boolean silent;

        SilenceableProxy(URI target) throws IOException {
            Thread acceptor = new Thread(() -> {
                while (!listener.isClosed()) {
                    try {
                        Socket client = listener.accept();
                        Socket server = new Socket();
                        server.connect(new InetSocketAddress(target.getHost(), target.getPort()));
                        pump(client.getInputStream(), server.getOutputStream());
                        pump(server.getInputStream(), client.getOutputStream());
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        void silence() {
            silent = true;
        }

        private void pump(InputStream from, OutputStream to) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try {
                    int read;
                    while (!silent && (read = from.read(buffer)) >= 0) {
                        if (!silent) {
                            to.write(buffer, 0, read);
                            to.flush();
                        }
                    }
                } catch (IOException ignored) {
                    // a side closed
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }
}

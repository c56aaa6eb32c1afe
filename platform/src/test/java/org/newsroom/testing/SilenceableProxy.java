package org.newsroom.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy to a MongoDB on loopback that forwards bytes both ways until {@link #silence() silenced}; then it
 * holds everything, answering nothing and closing nothing, as a partition or a stalled server would. {@link #refuse()}
 * instead closes every connection and the port, as a server that is down.
 */
public final class SilenceableProxy implements AutoCloseable {

    private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean silent;

    public SilenceableProxy(String mongoConnectionString) throws IOException {
        URI target = URI.create(mongoConnectionString);
        Thread acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket client = listener.accept();
                    Socket server = new Socket();
                    server.connect(new InetSocketAddress(target.getHost(), target.getPort()));
                    sockets.add(client);
                    sockets.add(server);
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

    public int port() {
        return listener.getLocalPort();
    }

    public void silence() {
        silent = true;
    }

    public void refuse() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
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
        refuse();
    }
}

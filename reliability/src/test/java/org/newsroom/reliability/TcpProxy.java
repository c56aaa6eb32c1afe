package org.newsroom.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy in the test JVM between the forked application and its MongoDB, to take the database away and give it
 * back: {@link #refuse()} closes every connection and the port (the database is down: connections are refused),
 * {@link #blackHole()} keeps connections and the port open but lets nothing through (a network partition: nothing
 * answers), {@link #restore()} lets everything through again on the same port. What was sent into the black hole is
 * held and delivered when it heals, as TCP would retransmit it: a request the application gave up on may still
 * reach the database.
 */
final class TcpProxy implements AutoCloseable {

    enum State {
        UP,
        REFUSING,
        BLACK_HOLE
    }

    private final int port;
    private final InetSocketAddress target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile State state = State.UP;
    private volatile ServerSocket listener;
    private volatile boolean closed;

    TcpProxy(InetSocketAddress target) {
        this.target = target;
        this.port = ForkedNewsroom.freePort();
        listen();
    }

    int port() {
        return port;
    }

    State state() {
        return state;
    }

    synchronized void refuse() {
        state = State.REFUSING;
        closeQuietly(listener);
        dropConnections();
    }

    synchronized void blackHole() {
        state = State.BLACK_HOLE;
    }

    synchronized void restore() {
        State previous = state;
        state = State.UP;
        notifyAll();
        if (previous == State.REFUSING) {
            listen();
        }
    }

    /** Holds a pump while the proxy is a black hole; false once the proxy is closed or refusing. */
    private synchronized boolean awaitPassage() throws InterruptedException {
        while (state == State.BLACK_HOLE && !closed) {
            wait();
        }
        return state == State.UP && !closed;
    }

    private void listen() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            listener = socket;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + port, e);
        }
        Thread acceptor = new Thread(() -> accept(listener), "proxy-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(ServerSocket socket) {
        while (!closed && !socket.isClosed()) {
            try {
                Socket client = socket.accept();
                if (state == State.REFUSING) {
                    closeQuietly(client);
                    continue;
                }
                sockets.add(client);
                Socket server = new Socket();
                server.connect(target, 3_000);
                sockets.add(server);
                pump(client.getInputStream(), server.getOutputStream(), client, server);
                pump(server.getInputStream(), client.getOutputStream(), server, client);
            } catch (IOException e) {
                // the listener was closed, or the target is down: the client sees its connection drop
            }
        }
    }

    /** Copies bytes one way; in a black hole, holds them until it heals. */
    private void pump(InputStream from, OutputStream to, Socket source, Socket other) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[16 * 1024];
                    try {
                        int read;
                        while ((read = from.read(buffer)) >= 0 && awaitPassage()) {
                            to.write(buffer, 0, read);
                            to.flush();
                        }
                    } catch (IOException e) {
                        // one side closed or was dropped
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        closeQuietly(source);
                        closeQuietly(other);
                    }
                },
                "proxy-pump-" + port);
        thread.setDaemon(true);
        thread.start();
    }

    private void dropConnections() {
        sockets.forEach(TcpProxy::closeQuietly);
        sockets.clear();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing is all we wanted
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
        closeQuietly(listener);
        dropConnections();
    }
}

package org.newsroom.embedded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;
import org.jspecify.annotations.Nullable;

/**
 * An H2 file system for tests: a file opened as {@code simdisk:<path>} is the real file at {@code path}, but every
 * write, truncation and {@link FileChannel#force force} also goes through a {@link Disk} that counts forces, keeps the
 * file as a power cut would leave it (the content as of the last completed force; later writes are lost), and fails a
 * write, a read or a force when asked to. H2 instantiates file systems reflectively, hence public.
 */
public final class SimulatedDisk extends FilePathWrapper {

    private static final String SCHEME = "simdisk";
    private static final Map<String, Disk> DISKS = new ConcurrentHashMap<>();

    static {
        FilePath.register(new SimulatedDisk());
    }

    /** The disk holding {@code file}; {@link Disk#fileName()} is the name to give H2. */
    static Disk of(Path file) {
        return DISKS.computeIfAbsent(file.toAbsolutePath().toString(), Disk::new);
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new Channel(super.open(mode), of(Path.of(getBase().toString())));
    }

    /** What has happened to one file, and what is to go wrong next. */
    static final class Disk {

        private final String path;
        private final List<String> operations = new ArrayList<>();
        private byte[] durable = new byte[0];
        private final List<Runnable> pending = new ArrayList<>();
        private int forces;
        private @Nullable Supplier<IOException> nextForceFailure;
        private @Nullable Supplier<IOException> nextWriteFailure;
        private @Nullable Supplier<Error> nextReadError;
        private int readErrorsThrown;

        private Disk(String path) {
            this.path = path;
        }

        String fileName() {
            return SCHEME + ":" + path;
        }

        synchronized int forces() {
            return forces;
        }

        /** Writes ("write"), truncations ("truncate") and forces ("force") in order. */
        synchronized List<String> operations() {
            return List.copyOf(operations);
        }

        /** The file's content as of the last completed force: what a power cut leaves. */
        synchronized byte[] durableContent() {
            return durable.clone();
        }

        synchronized void failNextForce() {
            nextForceFailure = () -> new IOException("simulated: the disk failed to flush");
        }

        synchronized void failNextWrite() {
            nextWriteFailure = () -> new IOException("simulated: the disk failed to write");
        }

        /** The next read throws an {@link Error}, as a bug deep in a command would. */
        synchronized void failNextRead() {
            nextReadError = () -> new InternalError("simulated: an error while reading a page");
        }

        synchronized int readErrorsThrown() {
            return readErrorsThrown;
        }

        private synchronized void beforeRead() {
            Supplier<Error> error = nextReadError;
            if (error != null) {
                nextReadError = null;
                readErrorsThrown++;
                throw error.get();
            }
        }

        private synchronized void beforeWrite(ByteBuffer src, long position) throws IOException {
            Supplier<IOException> failure = nextWriteFailure;
            if (failure != null) {
                nextWriteFailure = null;
                throw failure.get();
            }
            byte[] bytes = new byte[src.remaining()];
            src.duplicate().get(bytes);
            operations.add("write");
            pending.add(() -> {
                long end = position + bytes.length;
                if (durable.length < end) {
                    durable = Arrays.copyOf(durable, (int) end);
                }
                System.arraycopy(bytes, 0, durable, (int) position, bytes.length);
            });
        }

        private synchronized void truncated(long size) {
            operations.add("truncate");
            pending.add(() -> durable = Arrays.copyOf(durable, (int) Math.min(size, durable.length)));
        }

        private synchronized void force(FileChannel channel, boolean metaData) throws IOException {
            Supplier<IOException> failure = nextForceFailure;
            if (failure != null) {
                nextForceFailure = null;
                throw failure.get();
            }
            channel.force(metaData);
            pending.forEach(Runnable::run);
            pending.clear();
            operations.add("force");
            forces++;
        }
    }

    private static final class Channel extends FileBase {

        private final FileChannel channel;
        private final Disk disk;

        Channel(FileChannel channel, Disk disk) {
            this.channel = channel;
            this.disk = disk;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            disk.beforeRead();
            return channel.read(dst);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            disk.beforeRead();
            return channel.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            disk.beforeWrite(src, channel.position());
            return channel.write(src);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            disk.beforeWrite(src, position);
            return channel.write(src, position);
        }

        @Override
        public long position() throws IOException {
            return channel.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            channel.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return channel.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            disk.truncated(size);
            channel.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            disk.force(channel, metaData);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return channel.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            channel.close();
        }
    }
}

package org.newsroom.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.jspecify.annotations.Nullable;

/**
 * The embedded server's H2 file in its data directory. Both are created readable by their owner only (where the file
 * system has POSIX permissions): the file holds every article and its whole history. The file is created whole, under
 * another name, and then renamed, and the directory entries are forced to the disk, so that a crash while creating it
 * leaves no half-made file and a power cut cannot lose the file that acknowledged writes went into.
 * <p>
 * A file that is damaged (cut short, overwritten, unreadable) is refused with what to do, never opened as whatever H2
 * can still make of it: H2 falls back to the newest complete set of chunks it finds, down to an empty store.
 */
final class DataFile {

    /** H2 writes its header twice, into the first two blocks of 4 KB, when it creates a file. */
    private static final long HEADER_BYTES = 2 * 4096;

    private DataFile() {}

    /** Creates the data directory and an empty store file in it unless they exist; the file's path. */
    static Path prepare(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            if (!Files.isDirectory(dir)) {
                List<Path> created = new ArrayList<>();
                for (Path missing = dir; missing != null && !Files.exists(missing); missing = missing.getParent()) {
                    created.add(missing);
                }
                if (posix) {
                    Files.createDirectories(dir, ownerOnly("rwx------"));
                } else {
                    Files.createDirectories(dir);
                }
                for (Path directory : created) {
                    forceDirectory(directory.getParent(), posix);
                }
            }
            Path file = dir.resolve(EmbeddedMongoServer.FILE_NAME);
            if (!Files.exists(file)) {
                create(file, posix);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dir, e);
        }
    }

    private static void create(Path file, boolean posix) throws IOException {
        Path fresh = file.resolveSibling(file.getFileName() + ".new");
        // left by a creation that was interrupted
        Files.deleteIfExists(fresh);
        if (posix) {
            Files.createFile(fresh, ownerOnly("rw-------"));
        } else {
            Files.createFile(fresh);
        }
        // H2 writes its header into an empty file, and forces it when closed
        new MVStore.Builder().fileName(fresh.toString()).open().close();
        Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE);
        forceDirectory(file.getParent(), posix);
    }

    /** Makes a directory's entries (a file created or renamed in it) durable; only POSIX systems can open one. */
    private static void forceDirectory(@Nullable Path directory, boolean posix) throws IOException {
        if (posix && directory != null) {
            try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
                channel.force(true);
            }
        }
    }

    private static FileAttribute<?> ownerOnly(String permissions) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
    }

    /** Opens the store in the file, or explains why it cannot be. */
    static DurableH2Backend open(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the data file " + file, e);
        }
        if (size < HEADER_BYTES) {
            throw damaged(
                    file, size == 0 ? "it is empty" : "it is " + size + " bytes long, shorter than a header", null);
        }
        try {
            return DurableH2Backend.openFile(file.toString());
        } catch (MVStoreException e) {
            if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                throw new IllegalStateException(
                        "The data file " + file + " is in use by another process: is Newsroom already running on this"
                                + " data directory?",
                        e);
            }
            throw damaged(file, e.getMessage(), e);
        } catch (RuntimeException e) {
            throw damaged(file, e.getMessage(), e);
        }
    }

    private static IllegalStateException damaged(Path file, @Nullable String reason, @Nullable Throwable cause) {
        return new IllegalStateException(
                "The data file " + file + " is damaged (" + reason + "). Newsroom does not start on it, so that"
                        + " nothing in it is overwritten. To restore the data: stop Newsroom, move " + file
                        + " aside (keep it: it may still be recoverable), and import your latest export into this data"
                        + " directory with: java -jar newsroom.jar import FILE",
                cause);
    }
}

package org.newsroom.command.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;

import org.newsroom.command.dispatch.CommandOutcome;
import org.newsroom.command.dispatch.CommandSender;
import org.newsroom.media.MediaId;
import org.newsroom.media.MediaUploaded;
import org.newsroom.media.Rendition;
import org.newsroom.platform.mongo.BinaryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * One upload, start to end: read the bytes (at most {@code newsroom.media.max-bytes}), tell the format from them,
 * read the header and refuse too many pixels before decoding, read the photo metadata, make the renditions, store
 * the original and the renditions in GridFS under {@code <mediaId>/<rendition>}, then record {@link MediaUploaded}.
 * A refusal stores nothing; a failure after the files are stored removes them again, so that no event ever names a
 * missing file (a crash in between leaves unnamed files, which nothing serves).
 */
@Service
public class MediaUploads {

    private static final Logger log = LoggerFactory.getLogger(MediaUploads.class);

    private final MediaSettings settings;
    private final BinaryStore store;
    private final CommandSender commands;

    /**
     * Decoding holds a picture's pixels in memory (4 bytes each): this instance decodes as many uploads at once as it
     * has processors, and the others wait. Local on purpose: it guards this process's memory, nothing another
     * instance needs to know.
     */
    private final Semaphore decoding = new Semaphore(Runtime.getRuntime().availableProcessors());

    MediaUploads(MediaSettings settings, BinaryStore store, CommandSender commands) {
        this.settings = settings;
        this.store = store;
        this.commands = commands;
    }

    public UploadedMedia upload(InputStream body) {
        byte[] bytes = read(body);
        if (bytes.length == 0) {
            throw MediaRejection.unsupported("The request carries no image");
        }
        ImageFormat format = ImageFormat.of(bytes)
                .orElseThrow(() -> MediaRejection.unsupported("The bytes are not a JPEG, PNG or WebP image"));
        int[] stored = ImageDecoder.dimensions(bytes, format);
        if (stored[0] <= 0 || stored[1] <= 0) {
            throw MediaRejection.unreadable("its header gives no size");
        }
        if ((long) stored[0] * stored[1] > settings.maxPixels()) {
            throw MediaRejection.tooManyPixels(stored[0], stored[1], settings.maxPixels());
        }
        PhotoFileMetadata.Read file = PhotoFileMetadata.read(bytes);
        ImageHeader header = new ImageHeader(format, stored[0], stored[1], file.orientation());
        List<RenditionFile> renditions = renditions(bytes, header);
        MediaId id = new MediaId(UUID.randomUUID().toString());
        List<Rendition> all = new ArrayList<>();
        renditions.forEach(rendition -> all.add(rendition.rendition()));
        all.add(new Rendition(Rendition.ORIGINAL, header.width(), header.height(), format.contentType()));
        MediaUploaded uploaded = new MediaUploaded(
                id,
                format.contentType(),
                header.width(),
                header.height(),
                sha256(bytes),
                bytes.length,
                all,
                file.metadata());
        return record(uploaded, bytes, renditions);
    }

    private List<RenditionFile> renditions(byte[] bytes, ImageHeader header) {
        decoding.acquireUninterruptibly();
        try {
            return RenditionMaker.make(bytes, header);
        } finally {
            decoding.release();
        }
    }

    private UploadedMedia record(MediaUploaded uploaded, byte[] original, List<RenditionFile> renditions) {
        List<String> written = new ArrayList<>();
        try {
            for (RenditionFile rendition : renditions) {
                String fileId = fileId(uploaded.mediaId(), rendition.rendition().name());
                store.store(
                        fileId,
                        rendition.rendition().name()
                                + extension(rendition.rendition().contentType()),
                        rendition.rendition().contentType(),
                        rendition.bytes());
                written.add(fileId);
            }
            String originalId = fileId(uploaded.mediaId(), Rendition.ORIGINAL);
            store.store(
                    originalId,
                    Rendition.ORIGINAL + extension(uploaded.contentType()),
                    uploaded.contentType(),
                    original);
            written.add(originalId);
            CommandOutcome outcome = commands.send(new UploadMedia(uploaded.mediaId(), uploaded));
            return new UploadedMedia(uploaded, outcome.position());
        } catch (RuntimeException failure) {
            for (String fileId : written) {
                try {
                    store.delete(fileId);
                } catch (RuntimeException cleanup) {
                    log.warn("Upload {} failed; its stored file {} could not be removed", uploaded.mediaId(), fileId);
                }
            }
            throw failure;
        }
    }

    /** The GridFS id of one stored form of an upload. */
    public static String fileId(MediaId id, String rendition) {
        return id.value() + "/" + rendition;
    }

    private byte[] read(InputStream body) {
        long limit = settings.maxBytes().toBytes();
        try {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw MediaRejection.tooManyBytes(limit);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("the upload's body could not be read", e);
        }
    }

    private static String extension(String contentType) {
        return switch (contentType) {
            case "image/png" -> ".png";
            case "image/webp" -> ".webp";
            default -> ".jpg";
        };
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

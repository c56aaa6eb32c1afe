package org.newsroom.command.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads images with ImageIO (and the TwelveMonkeys JPEG and WebP readers): the header first, to refuse an image of
 * too many pixels before a single pixel is allocated, then the pixels, subsampled when the picture is far wider than
 * the widest rendition needs.
 */
final class ImageDecoder {

    private ImageDecoder() {}

    /** The stored width and height, from the header alone. */
    static int[] dimensions(byte[] bytes, ImageFormat format) {
        return withReader(bytes, format, reader -> new int[] {reader.getWidth(0), reader.getHeight(0)});
    }

    /**
     * The stored pixels, every {@code subsampling}-th row and column of them (1: all). The caller has checked the
     * pixel count of the header.
     */
    static BufferedImage decode(byte[] bytes, ImageFormat format, int subsampling) {
        return withReader(bytes, format, reader -> {
            ImageReadParam param = reader.getDefaultReadParam();
            if (subsampling > 1) {
                param.setSourceSubsampling(subsampling, subsampling, 0, 0);
            }
            BufferedImage image = reader.read(0, param);
            if (image == null) {
                throw new IOException("no picture in the file");
            }
            return image;
        });
    }

    private interface ReaderAction<T> {
        T apply(ImageReader reader) throws IOException;
    }

    private static <T> T withReader(byte[] bytes, ImageFormat format, ReaderAction<T> action) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.readerName());
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + format + " on the class path");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(input, true, true);
            return action.apply(reader);
        } catch (IOException e) {
            throw MediaRejection.unreadable(describe(e));
        } catch (RuntimeException e) {
            // a reader meeting damaged data may throw anything; it is the file's fault, not ours
            throw MediaRejection.unreadable(describe(e));
        } finally {
            reader.dispose();
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}

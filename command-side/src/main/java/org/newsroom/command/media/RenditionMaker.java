package org.newsroom.command.media;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.newsroom.media.Rendition;

import net.coobird.thumbnailator.Thumbnails;

/**
 * The scaled renditions of an upload: 320, 800 and 1600 pixels wide, each only when the picture is wider (never
 * upscaled), with the EXIF orientation applied. JPEG at quality {@value #JPEG_QUALITY}, PNG when the picture has an
 * alpha channel. Scaled with Thumbnailator (progressive bilinear steps, which keep detail a single step would alias),
 * each from the next wider one.
 */
final class RenditionMaker {

    static final List<Integer> WIDTHS = List.of(320, 800, 1600);
    static final float JPEG_QUALITY = 0.82f;

    private RenditionMaker() {}

    /** The widths to make for a picture {@code width} pixels wide, as displayed. */
    static List<Integer> widthsFor(int width) {
        return WIDTHS.stream().filter(target -> target < width).toList();
    }

    /**
     * Decodes the upload and makes its renditions, narrowest first; none when the picture is 320 pixels wide or
     * less. A picture much wider than its widest rendition is decoded subsampled: every second (third, …) row and
     * column, still at least twice the widest rendition, which the scaling then smooths.
     */
    static List<RenditionFile> make(byte[] bytes, ImageHeader header) {
        List<Integer> widths = widthsFor(header.width());
        if (widths.isEmpty()) {
            return List.of();
        }
        int widest = widths.get(widths.size() - 1);
        int storedAcross = header.turnsAQuarter() ? header.storedHeight() : header.storedWidth();
        int subsampling = Math.max(1, storedAcross / (2 * widest));
        BufferedImage picture =
                oriented(ImageDecoder.decode(bytes, header.format(), subsampling), header.orientation());
        boolean alpha = picture.getColorModel().hasAlpha();
        List<RenditionFile> renditions = new ArrayList<>();
        BufferedImage source = picture;
        for (int i = widths.size() - 1; i >= 0; i--) {
            BufferedImage scaled = scale(source, widths.get(i), alpha);
            renditions.add(0, encode(String.valueOf(widths.get(i)), scaled, alpha));
            source = scaled;
        }
        return renditions;
    }

    private static BufferedImage scale(BufferedImage source, int width, boolean alpha) {
        try {
            return Thumbnails.of(source)
                    .width(width)
                    .imageType(alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB)
                    .asBufferedImage();
        } catch (IOException e) {
            throw new UncheckedIOException("scaling in memory failed", e);
        }
    }

    private static RenditionFile encode(String name, BufferedImage image, boolean alpha) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (alpha) {
                ImageIO.write(image, "png", out);
                return new RenditionFile(
                        new Rendition(name, image.getWidth(), image.getHeight(), ImageFormat.PNG.contentType()),
                        out.toByteArray());
            }
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
                writer.setOutput(output);
                writer.write(null, new IIOImage(image, null, null), param);
            } finally {
                writer.dispose();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("encoding in memory failed", e);
        }
        return new RenditionFile(
                new Rendition(name, image.getWidth(), image.getHeight(), ImageFormat.JPEG.contentType()),
                out.toByteArray());
    }

    /**
     * The stored pixels turned as EXIF orientation {@code orientation} says (TIFF 6.0: where row 0 and column 0 are):
     * 2 mirrored, 3 turned half, 4 flipped, 5 transposed, 6 turned a quarter clockwise, 7 transversed, 8 a quarter
     * anticlockwise.
     */
    static BufferedImage oriented(BufferedImage stored, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return stored;
        }
        int w = stored.getWidth();
        int h = stored.getHeight();
        boolean quarter = orientation >= 5;
        // where stored pixel (x, y) lands: x' = m00·x + m01·y + m02, y' = m10·x + m11·y + m12
        AffineTransform turn = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            default -> new AffineTransform(0, -1, 1, 0, 0, w);
        };
        int type = stored.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage turned = new BufferedImage(quarter ? h : w, quarter ? w : h, type);
        Graphics2D graphics = turned.createGraphics();
        try {
            graphics.drawImage(stored, turn, null);
        } finally {
            graphics.dispose();
        }
        return turned;
    }
}

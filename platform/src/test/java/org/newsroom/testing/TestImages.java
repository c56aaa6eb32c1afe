package org.newsroom.testing;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Real image files made in the test, and hostile ones: JPEG and PNG written by ImageIO; EXIF, IPTC and XMP metadata
 * added as the segments cameras and agencies write; a PNG whose header claims more pixels than any heap holds; a PNG
 * whose pixel data is damaged. WebP files come from {@code resources/org/newsroom/testing} (see its README).
 */
public final class TestImages {

    private TestImages() {}

    /** A photograph-like JPEG: gradients, discs and a little noise, at quality 0.9. */
    public static byte[] jpeg(int width, int height) {
        return jpeg(picture(width, height, false, 1), 0.9f);
    }

    /** A JPEG with as much fine detail as a camera's: noise everywhere, at quality 0.92 (a 12-megapixel one is MBs). */
    public static byte[] detailedJpeg(int width, int height) {
        return jpeg(picture(width, height, false, 24), 0.92f);
    }

    public static byte[] png(int width, int height, boolean alpha) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(picture(width, height, alpha, 1), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One of the WebP files of {@code resources/org/newsroom/testing}, 480 × 320. */
    public static byte[] webp(boolean alpha) {
        String name = alpha ? "cutout-480x320.webp" : "photo-480x320.webp";
        try (InputStream in = TestImages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test image " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JPEG with an EXIF segment: an ImageDescription (when given) and an Orientation (1 to 8). */
    public static byte[] withExif(byte[] jpeg, int orientation, String description) {
        byte[] text = description == null ? null : (description + "\0").getBytes(StandardCharsets.UTF_8);
        int entries = text == null ? 1 : 2;
        int ifdLength = 2 + entries * 12 + 4;
        ByteBuffer tiff = ByteBuffer.allocate(8 + ifdLength + (text == null ? 0 : text.length));
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        tiff.putShort((short) entries);
        if (text != null) {
            tiff.putShort((short) 0x010E)
                    .putShort((short) 2)
                    .putInt(text.length)
                    .putInt(8 + ifdLength);
        }
        tiff.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0);
        tiff.putInt(0);
        if (text != null) {
            tiff.put(text);
        }
        return withSegment(jpeg, 0xE1, concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.array()));
    }

    /** The JPEG with an IPTC IIM block in a Photoshop APP13 segment: caption, credit and by-line, in UTF-8. */
    public static byte[] withIptc(byte[] jpeg, String caption, String credit, String byline) {
        ByteArrayOutputStream iim = new ByteArrayOutputStream();
        dataset(iim, 1, 90, new byte[] {0x1B, 0x25, 0x47});
        dataset(iim, 2, 0, new byte[] {0, 4});
        dataset(iim, 2, 80, byline.getBytes(StandardCharsets.UTF_8));
        dataset(iim, 2, 110, credit.getBytes(StandardCharsets.UTF_8));
        dataset(iim, 2, 120, caption.getBytes(StandardCharsets.UTF_8));
        byte[] data = iim.toByteArray();
        ByteBuffer resource = ByteBuffer.allocate(4 + 2 + 2 + 4 + data.length + (data.length % 2));
        resource.put("8BIM".getBytes(StandardCharsets.US_ASCII))
                .putShort((short) 0x0404)
                .putShort((short) 0)
                .putInt(data.length)
                .put(data);
        return withSegment(jpeg, 0xED, concat("Photoshop 3.0\0".getBytes(StandardCharsets.US_ASCII), resource.array()));
    }

    /** The JPEG with an XMP packet: dc:description, photoshop:Credit and dc:creator. */
    public static byte[] withXmp(byte[] jpeg, String description, String credit, String creator) {
        String packet = "<?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF"
                + " xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description rdf:about=\"\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\""
                + " photoshop:Credit=\"" + xml(credit) + "\">"
                + "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml(description)
                + "</rdf:li></rdf:Alt></dc:description>"
                + "<dc:creator><rdf:Seq><rdf:li>" + xml(creator) + "</rdf:li></rdf:Seq></dc:creator>"
                + "</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>";
        return withSegment(
                jpeg,
                0xE1,
                concat(
                        "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII),
                        packet.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A valid PNG header claiming {@code width} × {@code height} RGBA pixels, followed by a few bytes of pixel data: a
     * decompression bomb, 40 GB once decoded at 100,000 × 100,000.
     */
    public static byte[] pngClaiming(int width, int height) {
        ByteBuffer header = ByteBuffer.allocate(13)
                .putInt(width)
                .putInt(height)
                .put((byte) 8)
                .put((byte) 6)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        return png(header.array(), deflate(new byte[1024]));
    }

    /** A PNG with a sound header ({@code width} × {@code height} RGB) and pixel data that is not a zlib stream. */
    public static byte[] pngWithDamagedPixels(int width, int height) {
        ByteBuffer header = ByteBuffer.allocate(13)
                .putInt(width)
                .putInt(height)
                .put((byte) 8)
                .put((byte) 2)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        byte[] garbage = new byte[4096];
        new Random(3).nextBytes(garbage);
        garbage[0] = 0x12;
        return png(header.array(), garbage);
    }

    /** The width and height of an image, decoded with ImageIO. */
    public static int[] size(byte[] image) {
        try {
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image));
            if (decoded == null) {
                throw new IllegalArgumentException("not an image ImageIO reads");
            }
            return new int[] {decoded.getWidth(), decoded.getHeight()};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the image, decoded, has an alpha channel. */
    public static boolean hasAlpha(byte[] image) {
        try {
            return ImageIO.read(new ByteArrayInputStream(image)).getColorModel().hasAlpha();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage picture(int width, int height, boolean alpha, int noise) {
        BufferedImage image =
                new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            if (!alpha) {
                graphics.setPaint(new GradientPaint(
                        0, 0, new Color(0x2B, 0x4C, 0x7E), width, height, new Color(0xE0, 0xA4, 0x58)));
                graphics.fillRect(0, 0, width, height);
            }
            graphics.setColor(new Color(0xF2, 0xEE, 0xE3));
            graphics.fillOval(width / 5, height / 5, width * 3 / 5, height * 3 / 5);
            graphics.setColor(new Color(0x1E, 0x1E, 0x24));
            graphics.fillRect(width / 3, height / 2, width / 3, height / 8);
        } finally {
            graphics.dispose();
        }
        if (noise > 1) {
            Random random = new Random(width * 31L + height);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int rgb = image.getRGB(x, y);
                    int shift = random.nextInt(noise * 2 + 1) - noise;
                    image.setRGB(
                            x,
                            y,
                            rgb & 0xFF000000
                                    | clamp((rgb >> 16 & 0xFF) + shift) << 16
                                    | clamp((rgb >> 8 & 0xFF) + shift) << 8
                                    | clamp((rgb & 0xFF) + shift));
                }
            }
        }
        return image;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    private static byte[] jpeg(BufferedImage image, float quality) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(output);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** The JPEG with one more marker segment right after its start-of-image marker. */
    private static byte[] withSegment(byte[] jpeg, int marker, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(marker);
        int length = payload.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static void dataset(ByteArrayOutputStream out, int record, int dataset, byte[] value) {
        out.write(0x1C);
        out.write(record);
        out.write(dataset);
        out.write(value.length >> 8);
        out.write(value.length & 0xFF);
        out.writeBytes(value);
    }

    private static byte[] png(byte[] header, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(out, "IHDR", header);
        chunk(out, "IDAT", data);
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        byte[] buffer = new byte[data.length + 64];
        int length = deflater.deflate(buffer);
        deflater.end();
        byte[] out = new byte[length];
        System.arraycopy(buffer, 0, out, 0, length);
        return out;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] all = new byte[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}

package org.newsroom.command.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.jspecify.annotations.Nullable;
import org.newsroom.media.PhotoMetadata;

import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.adobe.internal.xmp.properties.XMPProperty;
import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.xmp.XmpDirectory;

/**
 * The photo metadata an image file carries, read with metadata-extractor: caption, credit and creator (IPTC first,
 * then XMP, then EXIF, as news agencies fill IPTC) and the EXIF orientation. A file whose metadata cannot be read has
 * none: the metadata only prefills what the reporter confirms.
 */
final class PhotoFileMetadata {

    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String PHOTOSHOP = "http://ns.adobe.com/photoshop/1.0/";

    private PhotoFileMetadata() {}

    record Read(PhotoMetadata metadata, int orientation) {}

    static Read read(byte[] bytes) {
        Metadata metadata;
        try {
            metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
        } catch (ImageProcessingException | IOException | RuntimeException unreadable) {
            return new Read(PhotoMetadata.NONE, 1);
        }
        IptcDirectory iptc = metadata.getFirstDirectoryOfType(IptcDirectory.class);
        XmpDirectory xmp = metadata.getFirstDirectoryOfType(XmpDirectory.class);
        ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        String caption = first(
                text(iptc, IptcDirectory.TAG_CAPTION),
                xmpText(xmp, DC, "description"),
                text(exif, ExifIFD0Directory.TAG_IMAGE_DESCRIPTION));
        String credit = first(text(iptc, IptcDirectory.TAG_CREDIT), xmpText(xmp, PHOTOSHOP, "Credit"));
        String creator = first(text(iptc, IptcDirectory.TAG_BY_LINE), xmpText(xmp, DC, "creator"));
        int orientation = 1;
        if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
            Integer value = exif.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
            if (value != null && value >= 1 && value <= 8) {
                orientation = value;
            }
        }
        return new Read(new PhotoMetadata(caption, credit, creator), orientation);
    }

    private static @Nullable String text(@Nullable Directory directory, int tag) {
        if (directory == null) {
            return null;
        }
        String[] values = directory.getStringArray(tag);
        if (values != null && values.length > 0) {
            return clean(String.join(", ", values));
        }
        return clean(directory.getString(tag));
    }

    /**
     * An XMP property: the default language of a language alternative (dc:description), the items of an ordered
     * array (dc:creator) joined by commas, or a simple value (photoshop:Credit).
     */
    private static @Nullable String xmpText(@Nullable XmpDirectory directory, String namespace, String name) {
        if (directory == null) {
            return null;
        }
        XMPMeta xmp = directory.getXMPMeta();
        try {
            XMPProperty alternative = xmp.getLocalizedText(namespace, name, null, "x-default");
            if (alternative != null) {
                return clean(alternative.getValue());
            }
        } catch (XMPException notAnAlternative) {
            // read below as an array or a simple value
        }
        try {
            int items = xmp.countArrayItems(namespace, name);
            if (items > 0) {
                StringBuilder joined = new StringBuilder();
                for (int i = 1; i <= items; i++) {
                    XMPProperty item = xmp.getArrayItem(namespace, name, i);
                    if (item != null && item.getValue() != null) {
                        joined.append(joined.isEmpty() ? "" : ", ").append(item.getValue());
                    }
                }
                return clean(joined.toString());
            }
        } catch (XMPException notAnArray) {
            // read below as a simple value
        }
        try {
            return clean(xmp.getPropertyString(namespace, name));
        } catch (XMPException absent) {
            return null;
        }
    }

    private static @Nullable String first(@Nullable String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** Trimmed, without control characters other than line breaks, at most 1,000 characters; null when empty. */
    private static @Nullable String clean(@Nullable String value) {
        if (value == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder();
        value.codePoints()
                .filter(c -> !Character.isISOControl(c) || c == '\n')
                .limit(1_000)
                .forEach(kept::appendCodePoint);
        String trimmed = kept.toString().trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}

package org.newsroom.command.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newsroom.media.PhotoMetadata;
import org.newsroom.media.Rendition;
import org.newsroom.testing.TestImages;

/** The upload's image work without Spring: formats from bytes, headers, metadata, orientation, renditions. */
class ImagingTest {

    @Test
    void theFormatIsToldFromTheBytesAlone() {
        assertThat(ImageFormat.of(TestImages.jpeg(40, 30))).contains(ImageFormat.JPEG);
        assertThat(ImageFormat.of(TestImages.png(40, 30, true))).contains(ImageFormat.PNG);
        assertThat(ImageFormat.of(TestImages.webp(false))).contains(ImageFormat.WEBP);
        assertThat(ImageFormat.of("<html>not an image</html>".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(ImageFormat.of(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
        assertThat(ImageFormat.of("RIFF0000WAVE".getBytes(StandardCharsets.US_ASCII)))
                .as("a RIFF file of another kind")
                .isEmpty();
    }

    @Test
    void aHeaderIsReadWithoutDecodingEvenWhenItClaimsTenBillionPixels() {
        int[] size = ImageDecoder.dimensions(TestImages.pngClaiming(100_000, 100_000), ImageFormat.PNG);

        assertThat(size).containsExactly(100_000, 100_000);
    }

    @Test
    void damagedPixelDataIsUnreadable() {
        byte[] damaged = TestImages.pngWithDamagedPixels(400, 300);

        assertThat(ImageDecoder.dimensions(damaged, ImageFormat.PNG)).containsExactly(400, 300);
        assertThatThrownBy(() -> ImageDecoder.decode(damaged, ImageFormat.PNG, 1))
                .isInstanceOfSatisfying(
                        MediaRejection.class,
                        rejection -> assertThat(rejection.code()).isEqualTo("unreadable-image"));
    }

    @Test
    void iptcCaptionCreditAndByLineAreRead() {
        byte[] jpeg = TestImages.withIptc(
                TestImages.jpeg(64, 48),
                "Libyan strongman Khalifa Haftar in Rome — 2017",
                "Filippo Monteforte/AFP",
                "Filippo Monteforte");

        PhotoFileMetadata.Read read = PhotoFileMetadata.read(jpeg);

        assertThat(read.metadata())
                .isEqualTo(new PhotoMetadata(
                        "Libyan strongman Khalifa Haftar in Rome — 2017",
                        "Filippo Monteforte/AFP",
                        "Filippo Monteforte"));
        assertThat(read.orientation()).isEqualTo(1);
    }

    @Test
    void xmpIsReadWhenThereIsNoIptc() {
        byte[] jpeg = TestImages.withXmp(
                TestImages.jpeg(64, 48), "A life boat & its crew", "Aris Messinis/AFP", "Aris Messinis");

        assertThat(PhotoFileMetadata.read(jpeg).metadata())
                .isEqualTo(new PhotoMetadata("A life boat & its crew", "Aris Messinis/AFP", "Aris Messinis"));
    }

    @Test
    void iptcWinsOverXmpAndExifGivesACaptionAndTheOrientation() {
        byte[] both = TestImages.withIptc(
                TestImages.withXmp(TestImages.jpeg(64, 48), "XMP caption", "XMP credit", "XMP creator"),
                "IPTC caption",
                "IPTC credit",
                "IPTC by-line");
        byte[] exifOnly = TestImages.withExif(TestImages.jpeg(64, 48), 6, "EXIF description");

        assertThat(PhotoFileMetadata.read(both).metadata())
                .isEqualTo(new PhotoMetadata("IPTC caption", "IPTC credit", "IPTC by-line"));
        assertThat(PhotoFileMetadata.read(exifOnly))
                .isEqualTo(new PhotoFileMetadata.Read(new PhotoMetadata("EXIF description", null, null), 6));
    }

    @Test
    void aFileWithoutMetadataHasNone() {
        assertThat(PhotoFileMetadata.read(TestImages.png(40, 30, false)))
                .isEqualTo(new PhotoFileMetadata.Read(PhotoMetadata.NONE, 1));
    }

    /** A 3 × 2 picture with a marked top-left pixel: where the mark ends up, and the turned size. */
    @ParameterizedTest
    @CsvSource({
        "1, 3, 2, 0, 0",
        "2, 3, 2, 2, 0",
        "3, 3, 2, 2, 1",
        "4, 3, 2, 0, 1",
        "5, 2, 3, 0, 0",
        "6, 2, 3, 1, 0",
        "7, 2, 3, 1, 2",
        "8, 2, 3, 0, 2"
    })
    void everyExifOrientationTurnsThePictureAsTiffSays(int orientation, int width, int height, int markX, int markY) {
        BufferedImage stored = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        stored.setRGB(0, 0, 0xFF0000);

        BufferedImage shown = RenditionMaker.oriented(stored, orientation);

        assertThat(shown.getWidth()).isEqualTo(width);
        assertThat(shown.getHeight()).isEqualTo(height);
        assertThat(shown.getRGB(markX, markY) & 0xFFFFFF).isEqualTo(0xFF0000);
    }

    @Test
    void renditionsAreNeverWiderThanTheOriginal() {
        assertThat(RenditionMaker.widthsFor(4000)).containsExactly(320, 800, 1600);
        assertThat(RenditionMaker.widthsFor(1600)).containsExactly(320, 800);
        assertThat(RenditionMaker.widthsFor(600)).containsExactly(320);
        assertThat(RenditionMaker.widthsFor(320)).isEmpty();
    }

    @Test
    void aJpegGetsJpegRenditionsOfTheRightSizes() {
        byte[] jpeg = TestImages.jpeg(2000, 1500);

        List<RenditionFile> renditions = RenditionMaker.make(jpeg, new ImageHeader(ImageFormat.JPEG, 2000, 1500, 1));

        assertThat(renditions)
                .extracting(file -> file.rendition())
                .extracting(Rendition::name, Rendition::width, Rendition::height, Rendition::contentType)
                .containsExactly(
                        tuple("320", 320, 240, "image/jpeg"),
                        tuple("800", 800, 600, "image/jpeg"),
                        tuple("1600", 1600, 1200, "image/jpeg"));
        for (RenditionFile file : renditions) {
            assertThat(ImageFormat.of(file.bytes())).contains(ImageFormat.JPEG);
            assertThat(TestImages.size(file.bytes()))
                    .containsExactly(file.rendition().width(), file.rendition().height());
        }
    }

    @Test
    void aTurnedPhotoGetsUprightRenditions() {
        byte[] jpeg = TestImages.withExif(TestImages.jpeg(1200, 900), 6, null);
        ImageHeader header = new ImageHeader(ImageFormat.JPEG, 1200, 900, 6);

        List<RenditionFile> renditions = RenditionMaker.make(jpeg, header);

        assertThat(header.width()).isEqualTo(900);
        assertThat(renditions).extracting(file -> file.rendition().name()).containsExactly("320", "800");
        assertThat(TestImages.size(renditions.get(1).bytes())).containsExactly(800, 1067);
    }

    @Test
    void aPngWithAlphaKeepsItsAlphaAndOneWithoutBecomesJpeg() {
        List<RenditionFile> cutout =
                RenditionMaker.make(TestImages.png(600, 400, true), new ImageHeader(ImageFormat.PNG, 600, 400, 1));
        List<RenditionFile> flat =
                RenditionMaker.make(TestImages.png(600, 400, false), new ImageHeader(ImageFormat.PNG, 600, 400, 1));

        assertThat(cutout).singleElement().satisfies(file -> {
            assertThat(file.rendition().contentType()).isEqualTo("image/png");
            assertThat(TestImages.hasAlpha(file.bytes())).isTrue();
            assertThat(TestImages.size(file.bytes())).containsExactly(320, 213);
        });
        assertThat(flat)
                .singleElement()
                .satisfies(file -> assertThat(file.rendition().contentType()).isEqualTo("image/jpeg"));
    }

    @Test
    void aWebpIsReadAndScaled() {
        List<RenditionFile> photo =
                RenditionMaker.make(TestImages.webp(false), new ImageHeader(ImageFormat.WEBP, 480, 320, 1));
        List<RenditionFile> cutout =
                RenditionMaker.make(TestImages.webp(true), new ImageHeader(ImageFormat.WEBP, 480, 320, 1));

        assertThat(ImageDecoder.dimensions(TestImages.webp(false), ImageFormat.WEBP))
                .containsExactly(480, 320);
        assertThat(photo)
                .extracting(file -> file.rendition())
                .extracting(Rendition::name, Rendition::width, Rendition::height, Rendition::contentType)
                .containsExactly(tuple("320", 320, 213, "image/jpeg"));
        assertThat(cutout)
                .singleElement()
                .satisfies(file -> assertThat(file.rendition().contentType()).isEqualTo("image/png"));
    }
}

package org.newsroom.command.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.newsroom.article.AgencyStatus;
import org.newsroom.article.Byline;
import org.newsroom.article.DroppedMarkup;
import org.newsroom.article.Photo;

import com.fasterxml.jackson.databind.ObjectMapper;

/** IPTC's documentation examples (ninjs 3.1, 2.2, 1.6 and the NewsML-G2 guideline listings), read and converted. */
class AgencyReadersTest {

    private final NinjsReader ninjs = new NinjsReader(new ObjectMapper());
    private final NewsMlReader newsMl = new NewsMlReader();

    static byte[] example(String path) {
        try (InputStream in = AgencyReadersTest.class.getResourceAsStream("/ingest/" + path)) {
            return in.readAllBytes();
        } catch (IOException | NullPointerException missing) {
            throw new AssertionError("no example " + path, missing);
        }
    }

    @Test
    void theSameStoryReadsAlikeInEveryNinjsLine() {
        for (String path : new String[] {
            "ninjs/004_simple_text_article.json",
            "ninjs/2.2/004_simple_text_article.json",
            "ninjs/1.6/004_simple_text_article.json"
        }) {
            AgencyCopy copy = ninjs.read(example(path));
            assertThat(copy.itemUri()).as(path).isEqualTo("http://ninjs.example.com/newsitems/20130709simp123");
            assertThat(copy.content().headline())
                    .as(path)
                    .isEqualTo("Captain of wrecked cruise ship on trial in Italy");
            assertThat(copy.content().body()).as(path).startsWith("<p>GROSSETO, Italy (AP)");
            assertThat(copy.content().bylines())
                    .as(path)
                    .extracting(Byline::name)
                    .containsExactly("Paulo Santalucia", "Frances d'Emilio");
            assertThat(copy.versionCreated()).as(path).isEqualTo(Instant.parse("2013-07-09T10:37:00Z"));
            assertThat(copy.source()).as(path).isEqualTo("ninjs.example.com");
        }
        assertThat(NinjsReader.line(new ObjectMapper().createObjectNode().put("versionCreated", "x")))
                .isEqualTo("3.1");
    }

    @Test
    void aNinjsPictureOnItsOwnIsAPictureNotAnArticle() {
        AgencyCopy copy = ninjs.read(example("ninjs/006_photo_only.json"));

        assertThat(copy.content()).isNull();
    }

    @Test
    void anItemTheSchemaRefusesNamesWhere() {
        byte[] wrong = "{\"uri\": \"x\", \"versionCreated\": \"yesterday\", \"headlines\": [{\"value\": 3}]}"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ninjs.read(wrong)).isInstanceOfSatisfying(InvalidAgencyItem.class, invalid -> {
            assertThat(invalid.unreadable()).isFalse();
            assertThat(invalid.where()).startsWith("$.");
        });
        assertThatThrownBy(() -> ninjs.read("{\"uri\": ".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        InvalidAgencyItem.class,
                        invalid -> assertThat(invalid.unreadable()).isTrue());
    }

    @Test
    void aNewsMlTextItemWithANitfBodyLeavesItsHeadOutAndSaysSo() {
        AgencyCopy copy = newsMl.read(example("newsml-g2/LISTING_2_NewsML-G2_Text_Document.xml"));

        assertThat(copy.source()).isEqualTo("www.acmenews.com");
        assertThat(copy.itemVersion()).isEqualTo("11");
        assertThat(copy.content().headline()).isEqualTo("Fed to halt QE to avert \"bubble\"");
        assertThat(copy.content().bylines()).extracting(Byline::name).containsExactly("Meredith Jameson");
        assertThat(copy.content().body())
                .startsWith("<p>(New York, NY - October 21)")
                .doesNotContain("hl1");
        assertThat(copy.content().language()).isEqualTo("en-US");
        assertThat(copy.dropped()).extracting(DroppedMarkup::markup).contains("<body.head>");
        assertThat(copy.subjects()).hasSize(3);
    }

    @Test
    void aNewsMlItemCarriesItsAgencyEmbargoAndStatus() {
        AgencyCopy copy = newsMl.read(example("newsml-g2/LISTING_1_A_NewsML-G2_News_Item.xml"));

        assertThat(copy.source()).isEqualTo("REUTERS");
        assertThat(copy.embargoedUntil()).isEqualTo(Instant.parse("2018-10-23T12:00:00Z"));
        assertThat(copy.pubStatus()).isEqualTo(AgencyStatus.USABLE);
    }

    @Test
    void aNewsMlPictureKeepsCaptionAndCreditButNeedsAWebAddress() {
        AgencyCopy copy = newsMl.read(example("newsml-g2/LISTING_3_Photo_in_NewsML-G2.xml"));

        assertThat(copy.content()).isNull();
        assertThat(copy.pictures()).isEmpty();
        assertThat(copy.notes()).anySatisfy(note -> assertThat(note).contains("no rendition with a web address"));

        String online = new String(example("newsml-g2/LISTING_3_Photo_in_NewsML-G2.xml"), StandardCharsets.UTF_8)
                .replace("href=\"./GYI0062134533.jpg\"", "href=\"https://images.example.com/GYI0062134533.jpg\"");
        Photo photo =
                newsMl.read(online.getBytes(StandardCharsets.UTF_8)).pictures().get(0);
        assertThat(photo.uri()).isEqualTo("https://images.example.com/GYI0062134533.jpg");
        assertThat(photo.credit()).isEqualTo("Getty Images");
        assertThat(photo.caption()).startsWith("A general view of part of downtown");
    }

    @Test
    void aNewsMlPackageOfReferencesBecomesItsStorysTitleAndSummary() {
        AgencyCopy copy = newsMl.read(example("newsml-g2/LISTING_6_Simple_NewsML-G2_Package.xml"));

        assertThat(copy.content().headline()).isEqualTo("Obama annonce son équipe");
        assertThat(copy.content().standfirst()).startsWith("Le rachat il y a deux ans");
        assertThat(copy.notes()).anySatisfy(note -> assertThat(note).contains("referenced, not carried"));
    }

    @Test
    void aNewsMessageCarryingAStoryAndItsPictureBecomesOneArticleWithThePicture() {
        String story = withoutDeclaration(example("newsml-g2/LISTING_2_NewsML-G2_Text_Document.xml"));
        String picture = withoutDeclaration(example("newsml-g2/LISTING_3_Photo_in_NewsML-G2.xml"))
                .replace("href=\"./GYI0062134533.jpg\"", "href=\"https://images.example.com/GYI0062134533.jpg\"");
        String message = "<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\"><header>"
                + "<sent>2018-11-21T16:30:00Z</sent></header><itemSet>" + story + picture + "</itemSet></newsMessage>";

        AgencyCopy copy = newsMl.read(message.getBytes(StandardCharsets.UTF_8));

        assertThat(copy.itemUri()).isEqualTo("urn:newsml:acmenews.com:20161121:US-FINANCE-FED");
        assertThat(copy.content().headline()).isEqualTo("Fed to halt QE to avert \"bubble\"");
        assertThat(copy.content().photos())
                .singleElement()
                .satisfies(photo -> assertThat(photo.credit()).isEqualTo("Getty Images"));
    }

    private static String withoutDeclaration(byte[] xml) {
        return new String(xml, StandardCharsets.UTF_8).replaceFirst("^\\s*<\\?xml[^>]*\\?>", "");
    }

    @Test
    void invalidNewsMlNamesItsLine() {
        byte[] invalid = ("<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"g\" version=\"1\""
                        + " standard=\"NewsML-G2\" standardversion=\"2.35\">\n<nonsense/></newsItem>")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> newsMl.read(invalid)).isInstanceOfSatisfying(InvalidAgencyItem.class, refused -> {
            assertThat(refused.unreadable()).isFalse();
            assertThat(refused.where()).startsWith("line 2");
        });
        assertThatThrownBy(() -> newsMl.read("<newsItem".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        InvalidAgencyItem.class,
                        refused -> assertThat(refused.unreadable()).isTrue());
    }

    @Test
    void agencyMarkupIsConvertedOrDroppedAndCounted() {
        BodyConverter converter = new BodyConverter();

        String html = converter.html("<div class=\"x\"><b>Bold</b> <i>it</i><table><tr><td>1</td></tr></table>"
                + "<p>a <a href=\"javascript:x()\">link</a></p><!-- c --></div>");

        assertThat(html).isEqualTo("<strong>Bold</strong> <em>it</em><p>a link</p>");
        assertThat(converter.dropped())
                .extracting(DroppedMarkup::markup)
                .containsExactly("<div>", "@class", "<table>", "@href", "<!-- -->");
    }
}

package org.newsroom.platform.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.newsroom.testing.ApiResponse;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoDatabase;

/**
 * A browser signs in to a session kept in MongoDB and carried by an HttpOnly, SameSite=Strict cookie; a write from a
 * page of another origin is refused whatever it carries, and a write signed in by the cookie must name its origin.
 */
class BrowserSessionIT extends PlatformServerTestBase {

    @Autowired
    MongoDatabase database;

    @Test
    void signingInWithJsonSetsAnHttpOnlyStrictCookieThatSignsInLaterRequests() {
        ApiResponse signedIn = anonymous()
                .post("/api/session", "{\"user\":\"rita\",\"password\":\"rita-secret\"}", "Origin", origin());
        assertThat(signedIn.status()).as("%s", signedIn).isEqualTo(200);
        assertThat(signedIn.json().path("name").asText()).isEqualTo("rita");
        assertThat(signedIn.json().path("roles").toString()).isEqualTo("[\"reporter\"]");
        String setCookie = signedIn.header("Set-Cookie");
        assertThat(setCookie)
                .startsWith("newsroom-session=")
                .contains("HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=28800")
                .doesNotContain("Secure");
        String token = HttpCookie.parse(setCookie).get(0).getValue();
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);

        List<Document> stored = database.getCollection("signInSessions").find().into(new java.util.ArrayList<>());
        assertThat(stored).isNotEmpty();
        assertThat(stored.toString()).doesNotContain(token).doesNotContain("rita-secret");

        String cookie = "newsroom-session=" + token;
        ApiResponse me = anonymous().get("/api/me", "Cookie", cookie);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("name").asText()).isEqualTo("rita");
        assertThat(anonymous().get("/api/notes", "Cookie", cookie).status()).isEqualTo(200);

        ApiResponse write = anonymous().post("/api/notes", "{\"text\":\"hi\"}", "Cookie", cookie, "Origin", origin());
        assertThat(write.status()).as("%s", write).isEqualTo(200);
        assertThat(write.json().path("by").asText()).isEqualTo("rita");

        ApiResponse signedOut = anonymous().delete("/api/session", "Cookie", cookie, "Origin", origin());
        assertThat(signedOut.status()).isEqualTo(204);
        assertThat(signedOut.header("Set-Cookie")).contains("newsroom-session=", "Max-Age=0");
        assertThat(anonymous().get("/api/me", "Cookie", cookie).status()).isEqualTo(401);
    }

    @Test
    void signingInWithHttpBasicOpensASessionToo() {
        ApiResponse signedIn = rita().post("/api/session", null);
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.header("Set-Cookie")).startsWith("newsroom-session=");
    }

    @Test
    void aWrongPasswordOpensNoSessionAndAsksForNoBrowserDialog() {
        ApiResponse refused = anonymous()
                .post("/api/session", "{\"user\":\"rita\",\"password\":\"wrong\"}", "X-Forwarded-For", "10.9.9.9");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("code").asText()).isEqualTo("unauthenticated");
        assertThat(refused.header("Set-Cookie")).isNull();
        assertThat(refused.header("WWW-Authenticate")).isNull();
        assertThat(anonymous().post("/api/session", null).status()).isEqualTo(401);
        assertThat(anonymous()
                        .get("/api/me", "X-Requested-With", "XMLHttpRequest")
                        .header("WWW-Authenticate"))
                .as("a script's request gets no Basic challenge")
                .isNull();
        assertThat(anonymous().get("/api/me", "Sec-Fetch-Mode", "cors").header("WWW-Authenticate"))
                .isNull();
        assertThat(anonymous().get("/api/me").header("WWW-Authenticate")).isEqualTo("Basic realm=\"newsroom\"");
    }

    @Test
    void aWriteSignedInByTheCookieMustNameItsOrigin() {
        String cookie = sessionCookie();
        ApiResponse bare = anonymous().post("/api/notes", "{\"text\":\"hi\"}", "Cookie", cookie);
        assertThat(bare.status()).as("%s", bare).isEqualTo(403);
        assertThat(bare.json().path("code").asText()).isEqualTo("cross-origin-request");
        ApiResponse sameOrigin =
                anonymous().post("/api/notes", "{\"text\":\"hi\"}", "Cookie", cookie, "Sec-Fetch-Site", "same-origin");
        assertThat(sameOrigin.status()).isEqualTo(200);
    }

    @Test
    void aWriteFromAPageOfAnotherOriginIsRefusedWhateverItCarries() {
        String cookie = sessionCookie();
        for (String foreign : List.of(
                "http://127.0.0.1:1", "http://evil.example", "null", "https://127.0.0.1:" + port, "http://127.0.0.1")) {
            ApiResponse withCookie =
                    anonymous().post("/api/notes", "{\"text\":\"x\"}", "Cookie", cookie, "Origin", foreign);
            assertThat(withCookie.status())
                    .as("%s with the cookie: %s", foreign, withCookie)
                    .isEqualTo(403);
            assertThat(withCookie.json().path("code").asText()).isEqualTo("cross-origin-request");
            ApiResponse withBasic = rita().post("/api/notes", "{\"text\":\"x\"}", "Origin", foreign);
            assertThat(withBasic.status())
                    .as("%s with Basic: %s", foreign, withBasic)
                    .isEqualTo(403);
        }
        ApiResponse crossSite = rita().send(
                        "POST",
                        "/api/notes",
                        "{\"text\":\"x\"}",
                        "Sec-Fetch-Site",
                        "cross-site",
                        "Content-Type",
                        "text/plain");
        assertThat(crossSite.status()).isEqualTo(403);
        ApiResponse plainForm = anonymous()
                .send(
                        "POST",
                        "/api/notes",
                        "{\"text\":\"x\"}",
                        "Cookie",
                        cookie,
                        "Origin",
                        "http://localhost:1",
                        "Content-Type",
                        "text/plain");
        assertThat(plainForm.status()).isEqualTo(403);
        assertThat(rita().get("/api/notes", "Origin", "http://evil.example").status())
                .as("reads are not writes")
                .isEqualTo(200);
    }

    @Test
    void apiClientsWithoutOriginStayAsTheyWere() {
        assertThat(rita().post("/api/notes", "{\"text\":\"hi\"}").status()).isEqualTo(200);
    }

    private String sessionCookie() {
        ApiResponse signedIn = rita().post("/api/session", null);
        return "newsroom-session="
                + HttpCookie.parse(signedIn.header("Set-Cookie")).get(0).getValue();
    }
}

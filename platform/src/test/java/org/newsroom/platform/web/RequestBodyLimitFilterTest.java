package org.newsroom.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.ServletRequest;

class RequestBodyLimitFilterTest {

    private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(
            DataSize.ofKilobytes(1),
            Duration.ofSeconds(10),
            new ProblemWriter(new ObjectMapper()),
            List.of(new StreamedBody(HttpMethod.POST, "/api/media", DataSize.ofKilobytes(8))));

    @Test
    void aStreamedRouteGetsItsBodyUnreadAndMarked() throws Exception {
        MockHttpServletRequest request = post("/api/media", new byte[4096]);
        AtomicReference<ServletRequest> passed = new AtomicReference<>();

        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> passed.set(req));

        assertThat(passed.get()).isSameAs(request);
        assertThat(StreamedBody.of(request)).isPresent();
        assertThat(BufferedBody.of(request)).isEmpty();
        assertThat(request.getInputStream().readAllBytes()).hasSize(4096);
    }

    @Test
    void aDeclaredLengthOverAStreamedRoutesLimitIsRefusedAtOnce() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/media") {
            @Override
            public long getContentLengthLong() {
                return 100L * 1024 * 1024;
            }
        };
        request.setContent(new byte[16]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<ServletRequest> passed = new AtomicReference<>();

        filter.doFilter(request, response, (req, res) -> passed.set(req));

        assertThat(passed.get()).isNull();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString()).contains("payload-too-large", "8 KB");
        assertThat(request.getInputStream().available()).as("nothing was read").isEqualTo(16);
    }

    @Test
    void otherRoutesKeepTheGeneralLimitAndAreBuffered() throws Exception {
        MockHttpServletResponse tooLarge = new MockHttpServletResponse();
        filter.doFilter(post("/api/articles", new byte[4096]), tooLarge, (req, res) -> {});
        MockHttpServletRequest small = post("/api/articles", new byte[100]);
        AtomicReference<ServletRequest> passed = new AtomicReference<>();
        filter.doFilter(small, new MockHttpServletResponse(), (req, res) -> passed.set(req));

        assertThat(tooLarge.getStatus()).isEqualTo(413);
        assertThat(passed.get()).isInstanceOf(BufferedBody.class);
        assertThat(StreamedBody.of(small)).isEmpty();
    }

    private static MockHttpServletRequest post(String path, byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setContent(body);
        return request;
    }
}

package org.newsroom.command.media.web;

import org.newsroom.command.media.MediaSettings;
import org.newsroom.platform.web.StreamedBody;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;

import jakarta.servlet.MultipartConfigElement;

@Configuration(proxyBeanMethods = false)
class MediaWebConfiguration {

    /** What a multipart form adds around the file: boundaries and part headers, generously. */
    static final long FORM_OVERHEAD = 64 * 1024;

    /**
     * Uploads are read by their handler, up to {@code newsroom.media.max-bytes}; a declared length over that (and the
     * form's overhead) is refused before anything is read.
     */
    @Bean
    StreamedBody mediaUploadBody(MediaSettings settings) {
        return new StreamedBody(
                HttpMethod.POST,
                "/api/media",
                DataSize.ofBytes(settings.maxBytes().toBytes() + FORM_OVERHEAD));
    }

    /**
     * Multipart forms up to {@code newsroom.media.max-bytes} per file (Spring Boot's default is 1 MB); a larger file
     * answers 413. Parts over 1 MB wait on disk while the form is read.
     */
    @Bean
    MultipartConfigElement multipartConfigElement(MediaSettings settings) {
        long max = settings.maxBytes().toBytes();
        return new MultipartConfigElement(
                "", max, max + FORM_OVERHEAD, (int) DataSize.ofMegabytes(1).toBytes());
    }
}

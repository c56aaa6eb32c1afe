package org.newsroom.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * JSON bodies are {@code application/json} in UTF-8, as the API documents: another media type that Jackson could read
 * ({@code application/merge-patch+json}, any {@code +json}) or another charset is a 415, and a body that is not valid
 * UTF-8 a 400, before Jackson reads it. Jackson's name
 * lookup pads short names with 0xFF bytes, so a name preceded by a stray 0xFF byte can be read as the bare name
 * ({@code "\xFFuri"} as {@code "uri"}) once that name has been seen: invalid input must not get that far.
 */
@ControllerAdvice
class Utf8BodyAdvice extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return AbstractJackson2HttpMessageConverter.class.isAssignableFrom(converterType);
    }

    @Override
    public HttpInputMessage beforeBodyRead(
            HttpInputMessage message,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType)
            throws IOException {
        MediaType contentType = message.getHeaders().getContentType();
        Charset charset;
        try {
            charset = contentType == null ? null : contentType.getCharset();
        } catch (IllegalArgumentException unknown) {
            throw new HttpMessageNotReadableException(
                    "The charset of the Content-Type is not supported", unknown, message);
        }
        if (contentType != null && !MediaType.APPLICATION_JSON.equalsTypeAndSubtype(contentType)) {
            throw new ProblemException(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "unsupported-media-type",
                    "Content-Type " + contentType.getType() + "/" + contentType.getSubtype()
                            + " is not supported: send application/json");
        }
        if (charset != null && !StandardCharsets.UTF_8.equals(charset)) {
            throw new ProblemException(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "unsupported-media-type",
                    "charset=" + charset.name() + " is not supported: JSON bodies are UTF-8");
        }
        byte[] body = message.getBody().readAllBytes();
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException invalid) {
            throw new HttpMessageNotReadableException("The request body is not valid UTF-8", invalid, message);
        }
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return message.getHeaders();
            }
        };
    }
}

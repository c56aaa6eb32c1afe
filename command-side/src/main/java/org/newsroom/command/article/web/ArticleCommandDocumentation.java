package org.newsroom.command.article.web;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;

/** Documents the If-Match header of conditional writes and the headers every successful command answer carries. */
@Configuration(proxyBeanMethods = false)
class ArticleCommandDocumentation {

    /** An {@link ExpectedVersion} argument is the {@code If-Match} header it is read from. */
    @Bean
    ParameterCustomizer ifMatchHeader() {
        return (parameter, method) -> {
            if (method.getParameterType() != ExpectedVersion.class) {
                return parameter;
            }
            parameter.setIn("header");
            parameter.setName(HttpHeaders.IF_MATCH);
            parameter.setRequired(false);
            parameter.setDescription("The article version the write expects, as sent in ETag (e.g. \"3\"): a stale"
                    + " one is a 412 version-mismatch, anything but one strong tag or * a 400 invalid-if-match."
                    + " Without it, or with *, the latest version is changed.");
            parameter.setSchema(new StringSchema().example("\"3\""));
            return parameter;
        };
    }

    @Bean
    OperationCustomizer articleCommandHeaders() {
        return (operation, handler) -> {
            if (!handler.getBeanType().equals(ArticleCommandController.class) || operation.getResponses() == null) {
                return operation;
            }
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("2")) {
                    response.addHeaderObject(
                            "ETag",
                            new Header()
                                    .schema(new StringSchema())
                                    .description(
                                            "The article version after the write, e.g. \"3\"; send it as If-Match"));
                    response.addHeaderObject(
                            ArticleCommandController.POSITION_HEADER,
                            new Header()
                                    .schema(new IntegerSchema().format("int64"))
                                    .description(
                                            "Global position of the last event written; reads accept it as ?atLeast="));
                }
                // a comment is read in its article's conversation: it has no address of its own
                if (status.equals("201") && !handler.getMethod().getName().equals("comment")) {
                    response.addHeaderObject(
                            "Location",
                            new Header().schema(new StringSchema()).description("The path of what was created"));
                }
            });
            return operation;
        };
    }
}

package org.newsroom.command.article.web;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;

/** Documents the headers every successful command answer carries. */
@Configuration(proxyBeanMethods = false)
class ArticleCommandDocumentation {

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
                if (status.equals("201")) {
                    response.addHeaderObject(
                            "Location",
                            new Header().schema(new StringSchema()).description("The path of what was created"));
                }
            });
            return operation;
        };
    }
}

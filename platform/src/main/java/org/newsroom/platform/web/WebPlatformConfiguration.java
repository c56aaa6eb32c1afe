package org.newsroom.platform.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Filters and advice that every route of either side shares. Filter order: correlation id first, then the body limit,
 * then Spring Security ({@code -100}), then idempotency.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebPlatformConfiguration {

    public static final int CORRELATION_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE;
    public static final int BODY_LIMIT_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration =
                new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(CORRELATION_FILTER_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
            @Value("${newsroom.api.max-body-size:1MB}") String limit,
            ProblemWriter problemWriter,
            ObjectProvider<StreamedBody> streamed) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(
                        DataSize.parse(limit),
                        problemWriter,
                        streamed.orderedStream().toList()));
        registration.setOrder(BODY_LIMIT_FILTER_ORDER);
        return registration;
    }

    @Bean
    ProblemWriter problemWriter(ObjectMapper objectMapper) {
        return new ProblemWriter(objectMapper);
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    Utf8BodyAdvice utf8BodyAdvice() {
        return new Utf8BodyAdvice();
    }

    @Bean
    StrictJsonCustomizer strictJsonCustomizer() {
        return new StrictJsonCustomizer();
    }
}

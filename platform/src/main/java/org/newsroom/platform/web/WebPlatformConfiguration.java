package org.newsroom.platform.web;

import org.apache.catalina.startup.Tomcat;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Filters and advice that every route of either side shares. Filter order: correlation id first, then Spring Security
 * ({@code -100}), then the body limit (so that no body is read before its sender is known), then idempotency.
 */
@AutoConfiguration(before = {WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebPlatformConfiguration {

    public static final int CORRELATION_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE;
    public static final int BODY_LIMIT_FILTER_ORDER = SecurityProperties.DEFAULT_FILTER_ORDER + 5;

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
            @Value("${newsroom.api.body-timeout:10s}") String deadline,
            ProblemWriter problemWriter,
            ObjectProvider<StreamedBody> streamed) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(
                        DataSize.parse(limit),
                        DurationStyle.detectAndParse(deadline),
                        problemWriter,
                        streamed.orderedStream().toList()));
        registration.setOrder(BODY_LIMIT_FILTER_ORDER);
        return registration;
    }

    @Bean
    @ConditionalOnClass(Tomcat.class)
    TomcatLimits tomcatLimits(@Value("${server.tomcat.connection-timeout:10s}") String connectionTimeout) {
        return new TomcatLimits(DurationStyle.detectAndParse(connectionTimeout));
    }

    @Bean
    ErrorAnswers errorAnswers() {
        return new ErrorAnswers();
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

package org.newsroom.command.article.web;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets command routes take the {@link ExpectedVersion} of their {@code If-Match} header as an argument, and reads the
 * desk's policy ({@link DeskSettings}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeskSettings.class)
class ArticleCommandWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new IfMatchResolver());
    }
}

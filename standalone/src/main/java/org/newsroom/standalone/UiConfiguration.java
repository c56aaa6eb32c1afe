package org.newsroom.standalone;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.newsroom.platform.security.AccessRule;
import org.newsroom.platform.security.RouteAccess;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.EncodedResourceResolver;

/**
 * The web UI, built by the {@code ui} module into {@code static/ui/} of its jar: {@code /ui/} is its page, {@code /}
 * and {@code /ui} lead there, and its assets, whose names change with their content, may be cached for a year and
 * are sent gzip'd (the build writes a {@code .gz} beside each) to browsers that accept it. Each comes with a strict
 * Content-Security-Policy ({@link UiHeaders}).
 */
@Configuration(proxyBeanMethods = false)
class UiConfiguration implements WebMvcConfigurer {

    /** The UI's page and assets are public; what it shows comes from routes that check the signed-in user. */
    @Bean
    RouteAccess uiRouteAccess() {
        return () -> List.of(AccessRule.open("/ui/**"), AccessRule.open("/"));
    }

    /** The UI's security headers ({@link UiHeaders}) on its page and assets, and on the redirects that lead there. */
    @Bean
    FilterRegistrationBean<UiHeaders> uiHeaders() {
        FilterRegistrationBean<UiHeaders> registration = new FilterRegistrationBean<>(new UiHeaders());
        registration.addUrlPatterns("/ui", "/ui/*", "/");
        return registration;
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", "/ui/");
        registry.addRedirectViewController("/ui", "/ui/");
        registry.addViewController("/ui/").setViewName("forward:/ui/index.html");
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/ui/assets/**")
                .addResourceLocations("classpath:/static/ui/assets/")
                .setCacheControl(
                        CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic().immutable())
                .resourceChain(true)
                .addResolver(new EncodedResourceResolver());
    }
}

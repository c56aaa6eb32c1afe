package org.newsroom.command.media;

import javax.imageio.ImageIO;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MediaSettings.class)
class MediaConfiguration {

    /**
     * ImageIO finds its plugins (the TwelveMonkeys JPEG and WebP readers) on the class path of the thread that first
     * touches it, which in a Spring Boot jar may not see the jar's libraries: scan once with the application's. And
     * keep its stream caches in memory: an upload is in memory already, and no temporary file is left behind.
     */
    @Bean
    InitializingBean imageIoPlugins() {
        return () -> {
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(MediaConfiguration.class.getClassLoader());
            try {
                ImageIO.scanForPlugins();
                ImageIO.setUseCache(false);
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
        };
    }
}

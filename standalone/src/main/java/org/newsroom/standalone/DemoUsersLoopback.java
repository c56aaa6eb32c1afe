package org.newsroom.standalone;

import java.util.Map;

import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The demo users have a well-known password, so while they are active (the embedded default: no {@code MONGODB_URI}
 * nor {@code newsroom.mongodb.uri}) the server listens on loopback only, unless {@code server.address} says otherwise.
 */
class DemoUsersLoopback implements EnvironmentPostProcessor, Ordered {

    static final String LOOPBACK = "127.0.0.1";
    static final String NOTICE =
            "Demo users are active: listening on " + LOOPBACK + " only; set server.address to listen elsewhere";

    private final Log log;

    DemoUsersLoopback(DeferredLogFactory logs) {
        this.log = logs.getLog(DemoUsersLoopback.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (demoUsersActive(environment) && !environment.containsProperty("server.address")) {
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource("demoUsersLoopback", Map.of("server.address", LOOPBACK)));
            log.info(NOTICE);
        }
    }

    static boolean demoUsersActive(ConfigurableEnvironment environment) {
        String uri = environment.getProperty("newsroom.mongodb.uri", environment.getProperty("MONGODB_URI", ""));
        return uri.isBlank();
    }

    /** After the configuration files and the command line are read, so that a configured address is seen. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

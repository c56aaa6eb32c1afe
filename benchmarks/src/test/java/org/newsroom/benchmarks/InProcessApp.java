package org.newsroom.benchmarks;

import java.lang.management.ManagementFactory;
import java.net.URI;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The application in the test JVM, with the standalone jar's settings, on a random port. */
final class InProcessApp implements RunningApp {

    private final ConfigurableApplicationContext context;
    private final URI base;

    private InProcessApp(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
    }

    static RunningApp.Launcher launcher() {
        return (dataDir, name) -> new InProcessApp(new SpringApplicationBuilder(SmokeApplication.class)
                .run(
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--spring.main.banner-mode=off",
                        "--newsroom.data-dir=" + dataDir.toAbsolutePath(),
                        "--spring.mvc.problemdetails.enabled=true",
                        "--management.endpoints.web.exposure.include=health,projections",
                        "--management.endpoint.health.show-details=always"));
    }

    @Override
    public URI base() {
        return base;
    }

    @Override
    public long heapUsedAfterFullGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Override
    public void close() {
        context.close();
    }
}

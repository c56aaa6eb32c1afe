package org.newsroom.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** While the demo users are active, the server listens on loopback only unless an address is configured. */
@ExtendWith(OutputCaptureExtension.class)
class DemoUsersLoopbackTest {

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }

    private static void process(StandardEnvironment environment) {
        DeferredLogs logs = new DeferredLogs();
        new DemoUsersLoopback(logs).postProcessEnvironment(environment, new SpringApplication());
        logs.switchOverAll();
    }

    @Test
    void theEmbeddedDefaultListensOnLoopbackAndSaysSo(CapturedOutput output) {
        StandardEnvironment environment = environment(Map.of("server.port", "8080"));
        process(environment);
        assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
        assertThat(output)
                .contains("Demo users are active: listening on 127.0.0.1 only; set server.address to listen elsewhere");
    }

    @Test
    void aConfiguredAddressIsKept(CapturedOutput output) {
        StandardEnvironment environment = environment(Map.of("server.address", "0.0.0.0"));
        process(environment);
        assertThat(environment.getProperty("server.address")).isEqualTo("0.0.0.0");
        assertThat(output).doesNotContain("Demo users are active");
    }

    @Test
    void withAMongoDbThereAreNoDemoUsersAndNoDefaultAddress() {
        for (String property : new String[] {"MONGODB_URI", "newsroom.mongodb.uri"}) {
            StandardEnvironment environment = environment(Map.of(property, "mongodb://db.example:27017/newsroom"));
            process(environment);
            assertThat(environment.getProperty("server.address")).as(property).isNull();
        }
    }
}

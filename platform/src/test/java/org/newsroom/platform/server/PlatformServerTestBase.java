package org.newsroom.platform.server;

import org.newsroom.testing.ApiClient;
import org.newsroom.testing.TestMongo;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link PlatformServer} on a random port, with a reporter {@code rita} and an operator {@code otto}. */
@SpringBootTest(
        classes = PlatformServer.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.main.banner-mode=off",
            "newsroom.mongodb.database=platform",
            "newsroom.security.bcrypt-strength=4",
            "newsroom.users[0].name=rita",
            "newsroom.users[0].password={noop}rita-secret",
            "newsroom.users[0].roles=reporter",
            "newsroom.users[1].name=otto",
            "newsroom.users[1].password={noop}otto-secret",
            "newsroom.users[1].roles=operator",
            "newsroom.api.body-timeout=2s",
            "server.tomcat.connection-timeout=2s",
            "spring.mvc.formcontent.filter.enabled=false",
            "management.endpoints.web.exposure.include=health,info,prometheus",
            "management.endpoint.health.show-details=when-authorized",
            "management.endpoint.health.show-components=when-authorized",
            "management.endpoint.health.roles=operator"
        })
abstract class PlatformServerTestBase {

    /** Lives as long as the test JVM, as the cached application context that uses it. */
    static final TestMongo MONGO = new TestMongo();

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry properties) {
        properties.add("newsroom.mongodb.uri", MONGO::connectionString);
    }

    @LocalServerPort
    int port;

    ApiClient anonymous() {
        return ApiClient.on(port);
    }

    ApiClient rita() {
        return ApiClient.on(port).as("rita", "rita-secret");
    }

    ApiClient otto() {
        return ApiClient.on(port).as("otto", "otto-secret");
    }

    String origin() {
        return "http://127.0.0.1:" + port;
    }
}

package org.newsroom.standalone;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.newsroom.platform.mongo.MongoConfiguration.MongoConnection;
import org.newsroom.platform.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.server.Ssl;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * The last line of the start log: the address of the UI and, on the embedded default (the only case with demo
 * users), who can sign in there and with which password. A password that was set is never written.
 */
class ReadyMessage {

    private static final Logger log = LoggerFactory.getLogger(ReadyMessage.class);
    static final String DEFAULT_DEMO_PASSWORD = "newsroom";

    private final ObjectProvider<MongoConnection> mongo;
    private final ServerProperties server;
    private final Environment environment;

    ReadyMessage(ObjectProvider<MongoConnection> mongo, ServerProperties server, Environment environment) {
        this.mongo = mongo;
        this.server = server;
        this.environment = environment;
    }

    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE)
    void onReady(ApplicationReadyEvent ready) {
        if (!(ready.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        MongoConnection connection = mongo.getIfAvailable();
        boolean demoUsers = connection != null && connection.isEmbedded();
        // the environment answers newsroom.demo-password for NEWSROOM_DEMO_PASSWORD too (relaxed names)
        boolean passwordSet = environment.containsProperty("newsroom.demo-password");
        log.info(text(uiAddress(web.getWebServer().getPort()), demoUsers, passwordSet));
    }

    private String uiAddress(int port) {
        InetAddress address = server.getAddress();
        String host = address == null || address.isAnyLocalAddress()
                ? "localhost"
                : address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        return uiAddress(
                Ssl.isEnabled(server.getSsl()) ? "https" : "http",
                host,
                port,
                server.getServlet().getContextPath());
    }

    static String uiAddress(String scheme, String host, int port, String contextPath) {
        String context = contextPath == null ? "" : contextPath.replaceAll("/+$", "");
        return scheme + "://" + host + ":" + port + context + "/ui/";
    }

    static String text(String uiAddress, boolean demoUsers, boolean passwordSet) {
        String ready = "Newsroom is ready: " + uiAddress;
        if (!demoUsers) {
            return ready;
        }
        String users = Arrays.stream(Role.values()).map(Role::id).collect(Collectors.joining(", "));
        return ready + " (demo users " + users + "; password "
                + (passwordSet
                        ? "as set in NEWSROOM_DEMO_PASSWORD)"
                        : DEFAULT_DEMO_PASSWORD + ", or set NEWSROOM_DEMO_PASSWORD)");
    }
}

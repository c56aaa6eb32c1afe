package org.newsroom.platform.web;

import java.time.Duration;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Bounds on what a client can hold: the request line and headers must arrive within
 * {@code server.tomcat.connection-timeout} (10 s here), as must each part of a body
 * ({@code connectionUploadTimeout}, the same time; the whole body has {@code newsroom.api.body-timeout}, checked by
 * the {@link RequestBodyLimitFilter}); a refused request's unread body is not drained ({@link UnreadBodyValve}).
 * Tomcat's own error answers are problems ({@link ProblemReportValve}). Runs after
 * Spring Boot's customizer, whose error report valve it replaces.
 */
class TomcatLimits implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final Duration connectionTimeout;

    TomcatLimits(Duration connectionTimeout) {
        this.connectionTimeout = connectionTimeout;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        int millis = (int) connectionTimeout.toMillis();
        factory.addConnectorCustomizers(connector -> {
            connector.setProperty("connectionTimeout", Integer.toString(millis));
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                http.setDisableUploadTimeout(false);
                http.setConnectionUploadTimeout(millis);
            }
        });
        factory.addContextCustomizers(context -> {
            context.getPipeline().addValve(new UnreadBodyValve());
            Container parent = context.getParent();
            if (parent instanceof StandardHost host) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
                host.getPipeline().addValve(new ProblemReportValve());
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

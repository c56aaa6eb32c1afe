package org.newsroom.query.page;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders reader's pages with Thymeleaf templates ({@code templates/reader/*.html}), whose {@code th:text} escapes
 * everything it inserts. Pages may use this server's styles and images and nothing else (their own
 * Content-Security-Policy), and may be framed by this origin only (the editor's preview).
 */
@Component
public class ReaderPages {

    /** The reader's pages' policy: the article body is sanitized HTML, but no script could run here regardless. */
    public static final String POLICY = "default-src 'none'; img-src 'self' https: data:; style-src 'self';"
            + " frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

    /** The site's pages and documents: cached by anyone for a minute, served stale for five while refreshed. */
    public static final CacheControl SITE_CACHE = CacheControl.maxAge(java.time.Duration.ofSeconds(60))
            .cachePublic()
            .staleWhileRevalidate(java.time.Duration.ofSeconds(300));

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final TemplateEngine engine;

    ReaderPages() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(ReaderPages.class.getClassLoader());
        resolver.setPrefix("templates/reader/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
    }

    public String article(ReaderPage page) {
        return render("article", Map.of("page", page));
    }

    public String index(List<ReaderPage.IndexEntry> entries) {
        return render("index", Map.of("entries", entries));
    }

    /** A page saying why there is no article here: not found (404) or withdrawn with its public notice (410). */
    public String notice(String title, String message) {
        return render("notice", Map.of("title", title, "message", message));
    }

    private String render(String template, Map<String, Object> variables) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariables(variables);
        return engine.process(template, context);
    }
}

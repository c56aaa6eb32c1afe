package org.newsroom.eventlog;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.axonframework.serialization.RevisionResolver;

/**
 * The shape of an aggregate as its snapshots store it: the names and types of its persisted fields (every field that
 * is neither static nor transient, inherited ones included), and, for every type they reach that is not the JDK's,
 * that type's own fields, record components or enum constants. A snapshot records the shape it was written with as
 * its revision; one of another shape (or of none: written before shapes existed) no longer fits the class and is
 * ignored, so that the aggregate is loaded from its events instead of from fields that were renamed, retyped,
 * added or dropped since.
 * <p>
 * The fingerprint is the hex SHA-256 of {@link #describe the description}, truncated to 128 bits. It depends on the
 * code only, so every instance running the same code computes the same one.
 */
public final class SnapshotShape {

    /** As the snapshot serializer's revision resolver: a snapshot's revision is its aggregate's shape. */
    public static final RevisionResolver REVISIONS = SnapshotShape::of;

    private static final Set<String> JDK_PACKAGES = Set.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

    // computed once per class; derived from the code alone, so it is the same on every instance
    private static final ClassValue<String> SHAPES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return fingerprint(describe(type));
        }
    };

    private SnapshotShape() {}

    /** The shape of {@code type}, computed by reflection on first use. */
    public static String of(Class<?> type) {
        return SHAPES.get(type);
    }

    /** The names of the fields a snapshot of {@code type} must hold: its persisted fields, inherited ones too. */
    public static List<String> persistedFieldNames(Class<?> type) {
        return persistedFields(type).stream().map(Field::getName).toList();
    }

    /**
     * What the fingerprint is computed from, one line per type reached from {@code type}, sorted by type name: e.g.
     * {@code org.example.Order{id:org.example.OrderId,lines:java.util.List<org.example.Line>}}, and
     * {@code org.example.Status[OPEN,CLOSED]} for an enum.
     */
    static String describe(Class<?> type) {
        TreeMap<String, String> lines = new TreeMap<>();
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(type));
        while (!todo.isEmpty()) {
            Class<?> next = todo.pop();
            if (lines.containsKey(next.getName())) {
                continue;
            }
            if (next.isEnum()) {
                lines.put(
                        next.getName(),
                        next.getName()
                                + Arrays.stream(next.getEnumConstants())
                                        .map(constant -> ((Enum<?>) constant).name())
                                        .collect(Collectors.joining(",", "[", "]")));
                continue;
            }
            List<String> members = new ArrayList<>();
            for (Field field : persistedFields(next)) {
                members.add(field.getName() + ":" + field.getGenericType().getTypeName());
                reached(field.getGenericType(), todo, new HashSet<>());
            }
            lines.put(next.getName(), next.getName() + members.stream().collect(Collectors.joining(",", "{", "}")));
        }
        return String.join("\n", lines.values());
    }

    private static List<Field> persistedFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                try {
                    fields.add(type.getDeclaredField(component.getName()));
                } catch (NoSuchFieldException impossible) {
                    throw new IllegalStateException("record " + type + " has no field " + component.getName());
                }
            }
            return fields;
        }
        for (Class<?> level = type; level != null && level != Object.class; level = level.getSuperclass()) {
            for (Field field : level.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic()) {
                    fields.add(field);
                }
            }
        }
        fields.sort(Comparator.comparing(Field::getName));
        return fields;
    }

    /** The types of ours a field's type reaches: itself, its type arguments, array components, bounds. */
    private static void reached(Type type, Deque<Class<?>> todo, Set<Type> seen) {
        if (!seen.add(type)) {
            return; // a type variable bounded by itself, as in T extends Comparable<T>
        }
        if (type instanceof Class<?> plain) {
            if (plain.isArray()) {
                reached(plain.getComponentType(), todo, seen);
            } else if (!plain.isPrimitive() && !isJdk(plain)) {
                todo.push(plain);
            }
        } else if (type instanceof ParameterizedType parameterized) {
            reached(parameterized.getRawType(), todo, seen);
            Arrays.stream(parameterized.getActualTypeArguments()).forEach(argument -> reached(argument, todo, seen));
        } else if (type instanceof GenericArrayType array) {
            reached(array.getGenericComponentType(), todo, seen);
        } else if (type instanceof WildcardType wildcard) {
            Arrays.stream(wildcard.getUpperBounds()).forEach(bound -> reached(bound, todo, seen));
            Arrays.stream(wildcard.getLowerBounds()).forEach(bound -> reached(bound, todo, seen));
        } else if (type instanceof TypeVariable<?> variable) {
            Arrays.stream(variable.getBounds()).forEach(bound -> reached(bound, todo, seen));
        }
    }

    private static boolean isJdk(Class<?> type) {
        String name = type.getName();
        return JDK_PACKAGES.stream().anyMatch(name::startsWith);
    }

    private static String fingerprint(String description) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(description.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

package org.newsroom.embedded;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * The order of unique-index keys in the H2 store: element by element, strings, integers, floating-point numbers and
 * booleans by their natural order, anything else as H2 orders it (by its Java-serialized bytes).
 * <p>
 * H2's own {@link ObjectDataType} compares objects that are not {@link Comparable} (as mongo-java-server's
 * {@link KeyValue} is not) by Java-serializing both for every comparison, so each index lookup serialized some 30 keys:
 * the largest single cost of the embedded server. The order differs from H2's, so maps kept in this order live under
 * their own names ({@link EmbeddedDatabase}). Two keys compare as equal only if every element is equal and of the same
 * class, as before.
 * <p>
 * Keys made of strings, integers, floating-point numbers, booleans and nulls (every key of Newsroom's own indexes) are
 * written in a compact form of their own, under a tag H2 does not use, instead of Java serialization, which still
 * took a tenth of the CPU of concurrent drafts; other keys, and keys written before, are read and written as
 * {@link ObjectDataType} does.
 */
final class KeyOrder extends ObjectDataType {

    static final KeyOrder INSTANCE = new KeyOrder();

    private KeyOrder() {}

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue left && b instanceof KeyValue right) {
            int common = Math.min(left.size(), right.size());
            for (int i = 0; i < common; i++) {
                int order = compareValues(left.get(i), right.get(i));
                if (order != 0) {
                    return order;
                }
            }
            return Integer.compare(left.size(), right.size());
        }
        return super.compare(a, b);
    }

    @Override
    public void write(WriteBuffer buffer, Object key) {
        if (!(key instanceof KeyValue values) || !compact(values)) {
            super.write(buffer, key);
            return;
        }
        buffer.put(COMPACT_KEY).putVarInt(values.size());
        for (Object value : values) {
            if (value == null) {
                buffer.put(NULL);
            } else if (value instanceof String string) {
                byte[] utf8 = string.getBytes(StandardCharsets.UTF_8);
                buffer.put(STRING).putVarInt(utf8.length).put(utf8);
            } else if (value instanceof Long number) {
                buffer.put(LONG).putVarLong(number);
            } else if (value instanceof Integer number) {
                buffer.put(INTEGER).putVarInt(number);
            } else if (value instanceof Double number) {
                buffer.put(DOUBLE).putDouble(number);
            } else {
                buffer.put((Boolean) value ? TRUE : FALSE);
            }
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != COMPACT_KEY) {
            return super.read(buffer);
        }
        buffer.get();
        Object[] values = new Object[DataUtils.readVarInt(buffer)];
        for (int i = 0; i < values.length; i++) {
            byte type = buffer.get();
            values[i] = switch (type) {
                case NULL -> null;
                case STRING -> {
                    byte[] utf8 = new byte[DataUtils.readVarInt(buffer)];
                    buffer.get(utf8);
                    yield new String(utf8, StandardCharsets.UTF_8);
                }
                case LONG -> DataUtils.readVarLong(buffer);
                case INTEGER -> DataUtils.readVarInt(buffer);
                case DOUBLE -> buffer.getDouble();
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                default -> throw new IllegalStateException("unknown key element type " + type);
            };
        }
        return new KeyValue(values);
    }

    private static boolean compact(KeyValue values) {
        for (Object value : values) {
            if (value != null
                    && !(value instanceof String)
                    && !(value instanceof Long)
                    && !(value instanceof Integer)
                    && !(value instanceof Double)
                    && !(value instanceof Boolean)) {
                return false;
            }
        }
        return true;
    }

    /** H2's ObjectDataType tags end at 119. */
    private static final byte COMPACT_KEY = 127;

    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte LONG = 2;
    private static final byte INTEGER = 3;
    private static final byte DOUBLE = 4;
    private static final byte TRUE = 5;
    private static final byte FALSE = 6;

    @SuppressWarnings({"unchecked", "rawtypes"})
    private int compareValues(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == null || b == null) {
            return a == null ? -1 : 1;
        }
        if (a.getClass() != b.getClass()) {
            return a.getClass().getName().compareTo(b.getClass().getName());
        }
        if (a instanceof String
                || a instanceof Long
                || a instanceof Integer
                || a instanceof Double
                || a instanceof Boolean) {
            return ((Comparable) a).compareTo(b);
        }
        return super.compare(a, b);
    }
}

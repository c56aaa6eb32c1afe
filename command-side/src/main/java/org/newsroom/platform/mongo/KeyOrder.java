package org.newsroom.platform.mongo;

import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * The order of unique-index keys in the H2 store: element by element, strings, integers, floating-point numbers and
 * booleans by their natural order, anything else as H2 orders it (by its Java-serialized bytes).
 * <p>
 * H2's own {@link ObjectDataType} compares objects that are not {@link Comparable} (as mongo-java-server's
 * {@link KeyValue} is not) by Java-serializing both for every comparison, so each index lookup serialized some 30 keys:
 * the largest single cost of the embedded server. Keys are still stored exactly as {@link ObjectDataType} stores them;
 * only the order differs, so maps kept in this order live under their own names ({@link EmbeddedDatabase}).
 * Two keys compare as equal only if every element is equal and of the same class, as before.
 */
final class KeyOrder extends ObjectDataType {

    static final KeyOrder INSTANCE = new KeyOrder();

    private KeyOrder() {
    }

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
        if (a instanceof String || a instanceof Long || a instanceof Integer || a instanceof Double
                || a instanceof Boolean) {
            return ((Comparable) a).compareTo(b);
        }
        return super.compare(a, b);
    }
}

package org.newsroom.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SnapshotShapeTest {

    enum Status {
        OPEN,
        CLOSED
    }

    record Line(String sku, int quantity) {}

    static class Entity {
        private String id;
    }

    @SuppressWarnings("unused")
    static class Order extends Entity {
        private static final int LIMIT = 3;
        private transient Object cache;
        private Status status;
        private List<Line> lines;
        private Map<String, Instant> deadlines;
        private boolean paid;
    }

    @SuppressWarnings("unused")
    static class Renamed extends Entity {
        private Status state;
        private List<Line> lines;
        private Map<String, Instant> deadlines;
        private boolean paid;
    }

    @SuppressWarnings("unused")
    static class Node<T extends Comparable<T>> {
        private T value;
        private Node<T> next;
    }

    @Test
    void theShapeNamesEveryPersistedFieldWithItsTypeAndEveryTypeOfOursItReaches() {
        String order = Order.class.getName();
        String line = Line.class.getName();
        String status = Status.class.getName();

        assertThat(SnapshotShape.describe(Order.class).lines())
                .as("one line per type, sorted by type name")
                .containsExactly(
                        line + "{sku:java.lang.String,quantity:int}",
                        order + "{deadlines:java.util.Map<java.lang.String, java.time.Instant>,id:java.lang.String,"
                                + "lines:java.util.List<" + line + ">,paid:boolean,status:" + status + "}",
                        status + "[OPEN,CLOSED]");
    }

    @Test
    void staticAndTransientFieldsAreNotPersistedAndInheritedOnesAre() {
        assertThat(SnapshotShape.persistedFieldNames(Order.class))
                .containsExactly("deadlines", "id", "lines", "paid", "status");
    }

    @Test
    void aRenamedFieldMakesAnotherShape() {
        String order = SnapshotShape.describe(Order.class).replace(Order.class.getName(), "Aggregate");
        String renamed = SnapshotShape.describe(Renamed.class).replace(Renamed.class.getName(), "Aggregate");

        assertThat(renamed).isNotEqualTo(order).contains("state:").doesNotContain("status:");
        assertThat(SnapshotShape.of(Renamed.class)).isNotEqualTo(SnapshotShape.of(Order.class));
    }

    @Test
    void theShapeIsAStableFingerprintOfTheDescription() {
        assertThat(SnapshotShape.of(Order.class))
                .isEqualTo(SnapshotShape.of(Order.class))
                .matches("[0-9a-f]{32}");
        assertThat(SnapshotShape.REVISIONS.revisionOf(Order.class)).isEqualTo(SnapshotShape.of(Order.class));
    }

    @Test
    void aTypeThatReachesItselfIsDescribedOnce() {
        assertThat(SnapshotShape.describe(Node.class))
                .isEqualTo(Node.class.getName() + "{next:" + Node.class.getName() + "<T>,value:T}");
    }
}

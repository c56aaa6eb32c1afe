package org.newsroom.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.newsroom.query.InMemoryMongo;

class RebuildMarksTest {

    @RegisterExtension
    static final InMemoryMongo MONGO = new InMemoryMongo();

    private RebuildMarks marks;

    @BeforeEach
    void freshStore() {
        marks = new RebuildMarks(MONGO.freshDatabase());
    }

    @Test
    void aLiveBatchAheadOfTheRebuildIsNotCopiedIntoTheNewVersion() {
        marks.rebuilt("audit", 2, 40);

        assertThat(marks.writesLiveBatch("audit", 2, 0, 120, 125)).isFalse();
        assertThat(marks.attach("audit", 2, List.of(0), 100))
                .as("the segment wrote up to 125 without the new version")
                .isFalse();
    }

    @Test
    void aSegmentAttachesOnceTheRebuildHasPassedWhatItWroteWithoutTheNewVersion() {
        marks.rebuilt("audit", 2, 40);
        marks.writesLiveBatch("audit", 2, 0, 120, 125);

        assertThat(marks.attach("audit", 2, List.of(0), 125)).isTrue();
        assertThat(marks.writesLiveBatch("audit", 2, 0, 126, 130)).isTrue();
    }

    @Test
    void aLiveBatchRightAfterTheRebuildsPositionAttachesItsSegment() {
        marks.rebuilt("site", 3, 119);

        assertThat(marks.writesLiveBatch("site", 3, 1, 120, 125)).isTrue();
        assertThat(marks.writesLiveBatch("site", 3, 1, 300, 310))
                .as("attached segments stay attached")
                .isTrue();
        assertThat(marks.attach("site", 3, List.of(0, 1), 119))
                .as("segment 0 wrote nothing without the new version")
                .isTrue();
    }

    @Test
    void everySegmentMustBeAttachedBeforeTheSwitch() {
        marks.rebuilt("site", 3, 10);
        marks.writesLiveBatch("site", 3, 0, 11, 20);
        marks.writesLiveBatch("site", 3, 1, 30, 50);

        assertThat(marks.attach("site", 3, List.of(0, 1), 25)).isFalse();
        assertThat(marks.attach("site", 3, List.of(0, 1), 50)).isTrue();
    }

    @Test
    void aForgottenRebuildStartsWithNothingAttached() {
        marks.rebuilt("site", 3, 10);
        marks.writesLiveBatch("site", 3, 0, 11, 20);
        marks.attach("site", 3, List.of(0), 20);

        marks.forget("site", 3);

        assertThat(marks.writesLiveBatch("site", 3, 0, 30, 31)).isFalse();
    }
}

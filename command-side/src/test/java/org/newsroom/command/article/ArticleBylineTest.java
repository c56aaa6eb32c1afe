package org.newsroom.command.article;

import static org.newsroom.command.article.Rejections.invalid;
import static org.newsroom.command.article.Rejections.violation;
import static org.newsroom.command.article.Story.BYLINE;
import static org.newsroom.command.article.Story.ID;
import static org.newsroom.command.article.Story.plus;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsroom.article.Byline;
import org.newsroom.article.BylineAssigned;

class ArticleBylineTest {

    private static final Byline PHOTOGRAPHER = new Byline("Aris Messinis", "photographer", "AFP");

    private final FixtureConfiguration<Article> fixture = new AggregateTestFixture<>(Article.class);

    @Test
    void canAssignTheStorysByline() {
        fixture.given(Story.draft())
                .when(new AssignByline(ID, List.of(BYLINE)))
                .expectEvents(new BylineAssigned(ID, List.of(BYLINE)));
    }

    @Test
    void canReplaceTheBylines() {
        fixture.given(plus(Story.draft(), Story.bylineAssigned()))
                .when(new AssignByline(ID, List.of(BYLINE, PHOTOGRAPHER)))
                .expectEvents(new BylineAssigned(ID, List.of(BYLINE, PHOTOGRAPHER)));
    }

    @Test
    void canAssignTenBylines() {
        fixture.given(Story.draft())
                .when(new AssignByline(ID, bylines(10)))
                .expectEvents(new BylineAssigned(ID, bylines(10)));
    }

    @Test
    void canAssignABylineWithoutRoleOrAffiliation() {
        fixture.given(Story.draft())
                .when(new AssignByline(ID, List.of(new Byline("Angus MacKinnon", " ", ""))))
                .expectEvents(new BylineAssigned(ID, List.of(new Byline("Angus MacKinnon", null, null))));
    }

    @Test
    void cannotAssignNoByline() {
        fixture.given(Story.draft())
                .when(new AssignByline(ID, List.of()))
                .expectNoEvents()
                .expectException(invalid("invalid-bylines", "bylines"));
    }

    @Test
    void cannotAssignAMissingBylineList() {
        fixture.given(Story.draft())
                .when(new AssignByline(ID, null))
                .expectNoEvents()
                .expectException(invalid("invalid-bylines", "bylines"));
    }

    @Test
    void cannotAssignElevenBylines() {
        fixture.given(Story.draft())
                .when(new AssignByline(ID, bylines(11)))
                .expectNoEvents()
                .expectException(invalid("invalid-bylines", "bylines"))
                .expectExceptionMessage("an article has 1 to 10 bylines, not 11");
    }

    @Test
    void cannotAssignANullByline() {
        fixture.given(Story.draft())
                .when(new AssignByline(ID, Arrays.asList(BYLINE, null)))
                .expectNoEvents()
                .expectException(invalid("invalid-byline", "bylines[1]"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void cannotAssignABylineWithoutName(String name) {
        fixture.given(Story.draft())
                .when(new AssignByline(ID, List.of(BYLINE, PHOTOGRAPHER, new Byline(name, "author", "AFP"))))
                .expectNoEvents()
                .expectException(invalid("invalid-byline", "bylines[2].name"));
    }

    @Test
    void cannotAssignABylineWithANameOver200Characters() {
        fixture.given(Story.draft())
                .when(new AssignByline(ID, List.of(new Byline("n".repeat(201), null, null))))
                .expectNoEvents()
                .expectException(invalid("invalid-byline", "bylines[0].name"));
    }

    @Test
    void cannotAssignABylineWithARoleOver100Characters() {
        fixture.given(Story.draft())
                .when(new AssignByline(ID, List.of(new Byline("Angus MacKinnon", "r".repeat(101), null))))
                .expectNoEvents()
                .expectException(invalid("invalid-byline", "bylines[0].role"));
    }

    @Test
    void cannotAssignABylineWithAnAffiliationOver200Characters() {
        fixture.given(Story.draft())
                .when(new AssignByline(ID, List.of(new Byline("Angus MacKinnon", null, "a".repeat(201)))))
                .expectNoEvents()
                .expectException(invalid("invalid-byline", "bylines[0].affiliation"));
    }

    @Test
    void cannotAssignTheSameBylinesAgain() {
        fixture.given(plus(Story.draft(), Story.bylineAssigned()))
                .when(new AssignByline(ID, List.of(new Byline("Angus MacKinnon", "author", "AFP"))))
                .expectNoEvents()
                .expectException(violation("nothing-to-revise"));
    }

    private static List<Byline> bylines(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> new Byline("Reporter " + i, null, "AFP"))
                .toList();
    }
}

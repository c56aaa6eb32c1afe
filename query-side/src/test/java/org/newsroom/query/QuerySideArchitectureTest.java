package org.newsroom.query;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaModifier.PUBLIC;
import static com.tngtech.archunit.core.domain.properties.HasModifiers.Predicates.modifier;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.jspecify.annotations.NullMarked;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The walls of the query side. Its features are the read models (site, editorial, audit), the feed and the feed's
 * integrations (webhooks, kafka); projection (the projection machinery), article (the article content folded from
 * events) and web (what every route shares) are for all of them.
 */
@AnalyzeClasses(packages = "org.newsroom", importOptions = ImportOption.DoNotIncludeTests.class)
class QuerySideArchitectureTest {

    private static final String QUERY = "org.newsroom.query..";
    private static final String FEED = "org.newsroom.query.feed";

    @ArchTest
    static final ArchRule theQuerySideNeverReachesTheCommandSideOrTheEmbeddedServer = noClasses()
            .that()
            .resideInAPackage(QUERY)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.newsroom.command..", "org.newsroom.embedded..")
            .because("the sides meet only in the event log and scale apart; the embedded server is the standalone"
                    + " application's choice of store, not the query side's");

    @ArchTest
    static final ArchRule readModelsDoNotDependOnEachOther = slices().matching(
                    "org.newsroom.query.(site|editorial|audit)..")
            .should()
            .notDependOnEachOther()
            .because("each read model is rebuilt from the log on its own; what they share belongs in projection or"
                    + " article");

    @ArchTest
    static final ArchRule theFeedKnowsNoneOfItsConsumers = noClasses()
            .that()
            .resideInAPackage(FEED + "..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.newsroom.query.site..",
                    "org.newsroom.query.editorial..",
                    "org.newsroom.query.audit..",
                    "org.newsroom.query.webhooks..",
                    "org.newsroom.query.kafka..")
            .because("the feed is a view of the event log: it never waits on a read model, and webhooks and Kafka"
                    + " follow it, not the other way round");

    @ArchTest
    static final ArchRule webhooksAndKafkaUseOnlyTheFeedsPublicTypes = noClasses()
            .that()
            .resideInAnyPackage("org.newsroom.query.webhooks..", "org.newsroom.query.kafka..")
            .should()
            .dependOnClassesThat(resideInAPackage(FEED + "..")
                    .and(not(resideInAPackage(FEED).and(modifier(PUBLIC))))
                    .as("belong to the feed but are not public types of " + FEED))
            .because("they subscribe through the feed's published API (LiveFeed, FeedEvent, ArticleCloudEvents), so"
                    + " the feed's routes and internals can change without them");

    @ArchTest
    static final ArchRule theSharedQueryPackagesDependOnNoFeature = noClasses()
            .that()
            .resideInAnyPackage(
                    "org.newsroom.query.projection..",
                    "org.newsroom.query.article..",
                    "org.newsroom.query.search..",
                    "org.newsroom.query.web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.newsroom.query.site..",
                    "org.newsroom.query.editorial..",
                    "org.newsroom.query.audit..",
                    "org.newsroom.query.feed..",
                    "org.newsroom.query.webhooks..",
                    "org.newsroom.query.kafka..")
            .because("every feature may use them, so they may use none: a feature can be dropped or rebuilt without"
                    + " touching the others");

    @ArchTest
    static final ArchRule packageInfosAreNullMarked = classes()
            .that()
            .resideInAPackage(QUERY)
            .and()
            .haveSimpleName("package-info")
            .should()
            .beAnnotatedWith(NullMarked.class)
            .because("nothing is null unless it says @Nullable");

    @ArchTest
    static final ArchRule everyPackageIsNullMarked = classes()
            .that()
            .resideInAPackage(QUERY)
            .should(ArchCondition.from(inANullMarkedPackage()))
            .because("nothing is null unless it says @Nullable");

    private static DescribedPredicate<JavaClass> inANullMarkedPackage() {
        return DescribedPredicate.describe(
                "reside in a package whose package-info is annotated @NullMarked",
                javaClass -> javaClass.getPackage().isAnnotatedWith(NullMarked.class));
    }
}

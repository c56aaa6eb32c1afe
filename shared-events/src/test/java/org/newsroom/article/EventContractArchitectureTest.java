package org.newsroom.article;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.axonframework.serialization.Revision;
import org.jspecify.annotations.NullMarked;
import org.newsroom.media.MediaEvent;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.newsroom", importOptions = ImportOption.DoNotIncludeTests.class)
class EventContractArchitectureTest {

    private static final String[] CONTRACT = {"org.newsroom.article..", "org.newsroom.media..", "org.newsroom.log.."};

    @ArchTest
    static final ArchRule noSpringInTheEventContract = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..")
            .because("integrations depend on this jar and must not inherit our framework");

    @ArchTest
    static final ArchRule noMongoInTheEventContract = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.mongodb..", "org.bson..")
            .because("events are stored in MongoDB by the event log, but the contract does not know where they live");

    @ArchTest
    static final ArchRule theEventContractStandsAlone = noClasses()
            .that()
            .resideInAnyPackage(CONTRACT)
            .should()
            .dependOnClassesThat(
                    resideInAPackage("org.newsroom..").and(DescribedPredicate.not(resideInAnyPackage(CONTRACT))))
            .because("integrations take this jar alone; anything else of ours it used would come with it");

    @ArchTest
    static final ArchRule theLogsEventsKnowNoArticle = noClasses()
            .that()
            .resideInAPackage("org.newsroom.log..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.newsroom.article..")
            .because("the log's own events describe the log, whatever aggregates it stores");

    @ArchTest
    static final ArchRule theLogsEventsAreRecordsWithARevision = classes()
            .that()
            .resideInAPackage("org.newsroom.log..")
            .and()
            .doNotHaveSimpleName("package-info")
            .should()
            .beAssignableTo(Record.class)
            .andShould()
            .beAnnotatedWith(Revision.class);

    @ArchTest
    static final ArchRule eventsAreRecords = classes()
            .that()
            .implement(ArticleEvent.class)
            .or()
            .implement(MediaEvent.class)
            .should()
            .beAssignableTo(Record.class);

    @ArchTest
    static final ArchRule eventsCarryARevision = classes()
            .that()
            .implement(ArticleEvent.class)
            .or()
            .implement(MediaEvent.class)
            .should()
            .beAnnotatedWith(Revision.class);

    @ArchTest
    static final ArchRule eventsAreTopLevel = classes()
            .that()
            .implement(ArticleEvent.class)
            .or()
            .implement(MediaEvent.class)
            .should()
            .beTopLevelClasses()
            .because("the class name is the stored payload type");

    @ArchTest
    static final ArchRule packageInfosAreNullMarked = classes()
            .that()
            .resideInAnyPackage(CONTRACT)
            .and()
            .haveSimpleName("package-info")
            .should()
            .beAnnotatedWith(NullMarked.class)
            .because("what may be null is part of the contract: only what is marked @Nullable");

    @ArchTest
    static final ArchRule everyPackageIsNullMarked = classes()
            .that()
            .resideInAnyPackage(CONTRACT)
            .should(ArchCondition.from(inANullMarkedPackage()))
            .because("what may be null is part of the contract: only what is marked @Nullable");

    private static DescribedPredicate<JavaClass> inANullMarkedPackage() {
        return DescribedPredicate.describe(
                "reside in a package whose package-info is annotated @NullMarked",
                javaClass -> javaClass.getPackage().isAnnotatedWith(NullMarked.class));
    }
}

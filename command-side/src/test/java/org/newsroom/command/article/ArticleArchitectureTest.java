package org.newsroom.command.article;

import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.time.Clock;
import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.jspecify.annotations.NullMarked;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.newsroom", importOptions = ImportOption.DoNotIncludeTests.class)
class ArticleArchitectureTest {

    @ArchTest
    static final ArchRule aggregatesAreNotPublic = classes()
            .that()
            .areAnnotatedWith(Aggregate.class)
            .should()
            .notBePublic()
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule commandsAreRecordsOfTheCommandSide = classes()
            .that()
            .containAnyFieldsThat(annotatedWith(TargetAggregateIdentifier.class))
            .should()
            .resideInAPackage("org.newsroom.command..")
            .andShould()
            .beAssignableTo(Record.class)
            .andShould()
            .beTopLevelClasses()
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule theAggregateNeverReadsTheClock = noClasses()
            .that()
            .resideInAPackage("org.newsroom.command.article")
            .should()
            .callMethod(Instant.class, "now")
            .orShould()
            .dependOnClassesThat()
            .areAssignableTo(Clock.class)
            .because("event timestamps come from Axon");

    @ArchTest
    static final ArchRule theCommandSideNeverReachesTheQuerySideOrTheEmbeddedServer = noClasses()
            .that()
            .resideInAPackage("org.newsroom.command..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.newsroom.query..", "org.newsroom.embedded..")
            .because("the sides meet only in the event log and scale apart; the embedded server is the standalone"
                    + " application's choice of store, not the command side's");

    @ArchTest
    static final ArchRule theAggregateKnowsNoInfrastructure = noClasses()
            .that()
            .resideInAPackage("org.newsroom.command.article")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..", "org.newsroom.eventlog..")
            .because("the aggregate is rules over events: Axon brings the events and stores what it applies, so it"
                    + " is tested without a container or a database (its web package is where HTTP and Spring live)");

    @ArchTest
    static final ArchRule packageInfosAreNullMarked = classes()
            .that()
            .resideInAPackage("org.newsroom.command..")
            .and()
            .haveSimpleName("package-info")
            .should()
            .beAnnotatedWith(NullMarked.class)
            .because("nothing is null unless it says @Nullable");

    @ArchTest
    static final ArchRule everyPackageIsNullMarked = classes()
            .that()
            .resideInAPackage("org.newsroom.command..")
            .should(ArchCondition.from(inANullMarkedPackage()))
            .because("nothing is null unless it says @Nullable");

    private static DescribedPredicate<JavaClass> inANullMarkedPackage() {
        return DescribedPredicate.describe(
                "reside in a package whose package-info is annotated @NullMarked",
                javaClass -> javaClass.getPackage().isAnnotatedWith(NullMarked.class));
    }
}

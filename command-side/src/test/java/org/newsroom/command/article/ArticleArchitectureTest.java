package org.newsroom.command.article;

import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.time.Clock;
import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
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
}

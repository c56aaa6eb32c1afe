package org.newsroom.article;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.axonframework.serialization.Revision;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.newsroom", importOptions = ImportOption.DoNotIncludeTests.class)
class EventContractArchitectureTest {

    @ArchTest
    static final ArchRule noSpringInTheEventContract = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..")
            .because("integrations depend on this jar and must not inherit our framework");

    @ArchTest
    static final ArchRule eventsAreRecords =
            classes().that().implement(ArticleEvent.class).should().beAssignableTo(Record.class);

    @ArchTest
    static final ArchRule eventsCarryARevision =
            classes().that().implement(ArticleEvent.class).should().beAnnotatedWith(Revision.class);

    @ArchTest
    static final ArchRule eventsAreTopLevel = classes()
            .that()
            .implement(ArticleEvent.class)
            .should()
            .beTopLevelClasses()
            .because("the class name is the stored payload type");
}

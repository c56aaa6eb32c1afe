package org.newsroom.embedded;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.jspecify.annotations.NullMarked;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.newsroom", importOptions = ImportOption.DoNotIncludeTests.class)
class EmbeddedMongoArchitectureTest {

    private static final String EMBEDDED = "org.newsroom.embedded..";

    @ArchTest
    static final ArchRule theEmbeddedServerKnowsOnlyTheMongoConnection = noClasses()
            .that()
            .resideInAPackage(EMBEDDED)
            .should()
            .dependOnClassesThat(resideInAPackage("org.newsroom..")
                    .and(not(resideInAnyPackage("org.newsroom.platform.mongo..", EMBEDDED))))
            .because("it stands in for a real MongoDB behind the same connection, and the application must run the"
                    + " same without it");

    @ArchTest
    static final ArchRule packageInfosAreNullMarked = classes()
            .that()
            .resideInAPackage(EMBEDDED)
            .and()
            .haveSimpleName("package-info")
            .should()
            .beAnnotatedWith(NullMarked.class)
            .because("nothing is null unless it says @Nullable");

    @ArchTest
    static final ArchRule everyPackageIsNullMarked = classes()
            .that()
            .resideInAPackage(EMBEDDED)
            .should(ArchCondition.from(inANullMarkedPackage()))
            .because("nothing is null unless it says @Nullable");

    private static DescribedPredicate<JavaClass> inANullMarkedPackage() {
        return DescribedPredicate.describe(
                "reside in a package whose package-info is annotated @NullMarked",
                javaClass -> javaClass.getPackage().isAnnotatedWith(NullMarked.class));
    }
}

package org.newsroom.platform;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
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

@AnalyzeClasses(packages = "org.newsroom", importOptions = ImportOption.DoNotIncludeTests.class)
class PlatformArchitectureTest {

    private static final String PLATFORM = "org.newsroom.platform..";

    @ArchTest
    static final ArchRule thePlatformImportsNothingElseOfOurs = noClasses()
            .that()
            .resideInAPackage(PLATFORM)
            .should()
            .dependOnClassesThat(resideInAPackage("org.newsroom..").and(not(resideInAPackage(PLATFORM))))
            .because("every other module builds on the platform; the sides contribute to it through beans such as"
                    + " RouteAccess, never by being imported");

    @ArchTest
    static final ArchRule thePlatformsPartsAreFreeOfCycles = slices().matching("org.newsroom.platform.(*)..")
            .should()
            .beFreeOfCycles()
            .because("web, security, idempotency, mongo and openapi build on one another in one direction only");

    @ArchTest
    static final ArchRule packageInfosAreNullMarked = classes()
            .that()
            .resideInAPackage(PLATFORM)
            .and()
            .haveSimpleName("package-info")
            .should()
            .beAnnotatedWith(NullMarked.class)
            .because("nothing is null unless it says @Nullable");

    @ArchTest
    static final ArchRule everyPackageIsNullMarked = classes()
            .that()
            .resideInAPackage(PLATFORM)
            .should(ArchCondition.from(inANullMarkedPackage()))
            .because("nothing is null unless it says @Nullable");

    private static DescribedPredicate<JavaClass> inANullMarkedPackage() {
        return DescribedPredicate.describe(
                "reside in a package whose package-info is annotated @NullMarked",
                javaClass -> javaClass.getPackage().isAnnotatedWith(NullMarked.class));
    }
}

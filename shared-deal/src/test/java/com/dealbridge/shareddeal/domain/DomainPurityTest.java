package com.dealbridge.shareddeal.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The shared-deal domain stays plain Java: it depends on the JDK, on itself and on the clock, never on a framework,
 * the broker, the store or the generated wire types. One library is allowed: Guava's {@code com.google.common.net}, for
 * the public suffix list behind registered domains ({@link RegisteredDomain}).
 */
@AnalyzeClasses(packages = "com.dealbridge.shareddeal.domain", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainPurityTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = classes().that().resideInAPackage("com.dealbridge.shareddeal.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.dealbridge.shareddeal.domain..",
                    "com.dealbridge.sync.clock..", "com.google.common.net..");
}

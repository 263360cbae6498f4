package com.dealbridge.sync.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The replica and its merge rules stay plain Java: no framework, broker, store or generated wire types. */
@AnalyzeClasses(packages = "com.dealbridge.sync", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainPurityTest {

    @ArchTest
    static final ArchRule domainHasNoInfrastructure = noClasses().that().resideInAPackage("..sync.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "com.mongodb..", "org.bson..", "org.apache.avro..", "com.dealbridge.contracts..",
                    "com.dealbridge.kit..");

    @ArchTest
    static final ArchRule generatedAvroStaysAtTheWire = noClasses().that().resideOutsideOfPackage("..sync.wire..")
            .should().dependOnClassesThat().resideInAPackage("com.dealbridge.contracts.avro..");
}

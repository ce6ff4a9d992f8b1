package eu.iucplanner.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The solver module holds the planning models and depends on Timefold core only. */
class SolverModuleArchitectureTest {

    private static final JavaClasses SOLVER_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("eu.iucplanner");

    @Test
    void solverModuleHasClasses() {
        // Guards the rule below against passing on an empty import.
        org.assertj.core.api.Assertions.assertThat(SOLVER_CLASSES.contain(
                eu.iucplanner.pairing.constraints.PairingConstraintProvider.class)).isTrue();
    }

    @Test
    void solverImportsNothingFromSpringJacksonOrJdbc() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "org.springframework..", "com.fasterxml..", "java.sql..", "javax.sql..", "org.flywaydb..",
                "jakarta.persistence..", "org.postgresql..")
                .check(SOLVER_CLASSES);
    }
}

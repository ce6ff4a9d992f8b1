package eu.iucplanner.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The module edges of STYLE.md, checked on the compiled classes: solver depends on nothing of ours, data only on
 * solver, api on both. Packages are by feature and cross modules, so a class's module is told by where it was loaded
 * from (a module's {@code target/classes} or its jar).
 */
class ModuleDependencyTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("eu.iucplanner");

    static DescribedPredicate<JavaClass> inModule(String module) {
        return DescribedPredicate.describe("in module " + module, javaClass -> javaClass.getSource()
                .map(source -> {
                    String uri = source.getUri().toString();
                    return uri.contains("/" + module + "/target/") || uri.contains("iuc-planner-" + module + "-");
                })
                .orElse(false));
    }

    @Test
    void everyModuleIsImported() {
        assertThat(CLASSES.stream().anyMatch(inModule("solver"))).isTrue();
        assertThat(CLASSES.stream().anyMatch(inModule("data"))).isTrue();
        assertThat(CLASSES.stream().anyMatch(inModule("api"))).isTrue();
    }

    @Test
    void solverDependsOnNoOtherModule() {
        noClasses().that(inModule("solver"))
                .should().dependOnClassesThat(inModule("data").or(inModule("api")))
                .check(CLASSES);
    }

    @Test
    void dataDependsOnlyOnSolver() {
        noClasses().that(inModule("data"))
                .should().dependOnClassesThat(inModule("api"))
                .check(CLASSES);
    }

    @Test
    void solverUsesNoSpringJacksonOrJdbc() {
        noClasses().that(inModule("solver"))
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.fasterxml..",
                        "java.sql..", "javax.sql..")
                .check(CLASSES);
    }

    // ************************************************************************
    // Inside the api module: features without cycles, rest above service, the run feature knows no kind
    // ************************************************************************

    private static final JavaClasses API = CLASSES.that(inModule("api"));

    @Test
    void featurePackagesFormNoCycles() {
        slices().matching("eu.iucplanner.(*)..").should().beFreeOfCycles().check(API);
    }

    @Test
    void restDependsOnServiceNeverTheOtherWay() {
        noClasses().that().resideInAPackage("..service..")
                .should().dependOnClassesThat().resideInAPackage("..rest..")
                .check(API);
        slices().matching("eu.iucplanner.(**)").should().beFreeOfCycles().check(API);
    }

    @Test
    void theRunFeatureKnowsNoKindOfRun() {
        noClasses().that().resideInAPackage("eu.iucplanner.run..")
                .should().dependOnClassesThat().resideInAnyPackage("eu.iucplanner.pairing..",
                        "eu.iucplanner.scheduling..", "eu.iucplanner.demo..")
                .check(CLASSES);
    }

    @Test
    void schedulingReadsPairingResultsOnlyThroughTheirOneInterface() {
        DescribedPredicate<JavaClass> pairingInternals = DescribedPredicate.describe(
                "pairing's service or rest classes other than PairingRunPairs",
                javaClass -> (javaClass.getPackageName().startsWith("eu.iucplanner.pairing.service")
                        || javaClass.getPackageName().startsWith("eu.iucplanner.pairing.rest"))
                        && !javaClass.getName().startsWith("eu.iucplanner.pairing.service.PairingRunPairs"));
        noClasses().that().resideInAPackage("eu.iucplanner.scheduling..")
                .should().dependOnClassesThat(pairingInternals)
                .check(CLASSES);
    }
}

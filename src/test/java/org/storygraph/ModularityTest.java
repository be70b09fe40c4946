package org.storygraph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.storygraph.modularityfixture.FixtureApplication;

/**
 * The module map of docs/architecture.md, enforced: each top-level package under {@code org.storygraph} is a module
 * whose {@code package-info.java} names the modules it may use ({@code @ApplicationModule(allowedDependencies)});
 * Spring Modulith fails the build on a dependency that is not allowed, on a cycle, and on a reach into another
 * module's internals.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(StoryGraphApplication.class);

    @Test
    void dependenciesFollowTheModuleMap() {
        MODULES.verify();
    }

    @Test
    void everyModuleIsDeclaredAndBenchmarksAreNotInTheApplication() {
        List<String> names = MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString).sorted().toList();
        assertThat(names).containsExactly("article", "backup", "cli", "clustering", "common", "coverage", "export",
                "feeds", "graph", "ingest", "jobs", "outlets", "query", "runs", "story", "timeline", "web");
    }

    @Test
    void aForbiddenImportFailsNamingBothModules() {
        // graph may use nothing; its Session imports feature.StoryView (the fixture lives in the test tree)
        ApplicationModules fixture = ApplicationModules.of(FixtureApplication.class, location -> true);
        assertThat(fixture.detectViolations().hasViolations()).isTrue();
        assertThat(fixture.detectViolations().getMessage())
                .contains("graph").contains("feature").contains("Session").contains("StoryView");
    }

    @Test
    void writesTheModuleDiagrams() {
        // target/spring-modulith-docs: PlantUML of all modules and one canvas per module, for docs/architecture.md
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
        assertThat(new java.io.File("target/spring-modulith-docs/components.puml")).exists();
    }
}

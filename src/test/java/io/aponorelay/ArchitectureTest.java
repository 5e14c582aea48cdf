package io.aponorelay;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Packages are capabilities, depend on each other in one direction only, and keep their web and
 * wiring classes to themselves.
 */
class ArchitectureTest {

	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.aponorelay");

	@Test
	void capabilitiesHaveNoCycles() {
		slices().matching("io.aponorelay.(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void dataFlowsOneWay() {
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.withOptionalLayers(true)
			.layer("admin").definedBy("io.aponorelay.admin..")
			.layer("logpoint").definedBy("io.aponorelay.logpoint..")
			.layer("ingest").definedBy("io.aponorelay.ingest..")
			.layer("delivery").definedBy("io.aponorelay.delivery..")
			.layer("routing").definedBy("io.aponorelay.routing..")
			.layer("template").definedBy("io.aponorelay.template..")
			.layer("store").definedBy("io.aponorelay.store..")
			.layer("config").definedBy("io.aponorelay.config..")
			.layer("event").definedBy("io.aponorelay.event..")
			.whereLayer("admin").mayNotBeAccessedByAnyLayer()
			.whereLayer("logpoint").mayOnlyBeAccessedByLayers("admin")
			.whereLayer("ingest").mayOnlyBeAccessedByLayers("admin")
			.whereLayer("delivery").mayOnlyBeAccessedByLayers("admin", "logpoint")
			.whereLayer("routing").mayOnlyBeAccessedByLayers("ingest", "delivery", "admin", "logpoint")
			.whereLayer("template").mayOnlyBeAccessedByLayers("routing", "delivery", "admin", "logpoint")
			.whereLayer("store").mayOnlyBeAccessedByLayers("ingest", "delivery", "admin", "logpoint")
			.whereLayer("config")
			.mayOnlyBeAccessedByLayers("template", "routing", "delivery", "store", "ingest", "admin", "logpoint")
			.check(classes);
	}

	@Test
	void controllersAndConfigurationsArePackagePrivate() {
		classes().that()
			.areAnnotatedWith(RestController.class)
			.or()
			.areAnnotatedWith(RestControllerAdvice.class)
			.or()
			.areAnnotatedWith(Configuration.class)
			.should()
			.notBePublic()
			.check(classes);
	}

}

package io.vitrine;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Each top-level package under io.vitrine is a module: its top package is its API, its
 * sub-packages are its internals. No module reaches into another's internals, and modules form no
 * cycle.
 */
class ModuleBoundariesTest {

	private static final String ROOT = "io.vitrine";

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(ROOT);

	@Test
	void no_module_reaches_into_another_modules_internals() {
		classes().should(onlyUseOtherModulesThroughTheirTopPackage()).check(classes);
	}

	@Test
	void modules_depend_on_each_other_without_cycles() {
		slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
	}

	private static ArchCondition<JavaClass> onlyUseOtherModulesThroughTheirTopPackage() {
		return new ArchCondition<>("use other modules only through their top package") {
			@Override
			public void check(JavaClass origin, ConditionEvents events) {
				String from = moduleOf(origin.getPackageName());
				origin.getDirectDependenciesFromSelf().forEach(dependency -> {
					String targetPackage = dependency.getTargetClass().getPackageName();
					String to = moduleOf(targetPackage);
					if (to == null || to.equals(from)) {
						return;
					}
					boolean internal = !targetPackage.equals(ROOT + "." + to);
					if (internal) {
						events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
					}
				});
			}
		};
	}

	private static String moduleOf(String packageName) {
		if (!packageName.startsWith(ROOT + ".")) {
			return null;
		}
		String rest = packageName.substring(ROOT.length() + 1);
		int dot = rest.indexOf('.');
		return dot < 0 ? rest : rest.substring(0, dot);
	}
}

package vn.edu.portal;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(PortalApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		this.modules.verify();
	}

	@Test
	void everyFeaturePackageIsAModule() {
		assertThat(this.modules.stream().map((module) -> module.getBasePackage().getName())).contains(
				"vn.edu.portal.system", "vn.edu.portal.audit", "vn.edu.portal.organisation", "vn.edu.portal.account");
	}

}

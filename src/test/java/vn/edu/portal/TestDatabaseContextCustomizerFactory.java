package vn.edu.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.support.ResourcePropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every Spring test context at {@link TestDatabase}. Registered in
 * META-INF/spring.factories.
 */
class TestDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new TestDatabaseCustomizer();
	}

	record TestDatabaseCustomizer() implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			MutablePropertySources sources = context.getEnvironment().getPropertySources();
			try {
				sources.addLast(new ResourcePropertySource("portalTestSettings", "classpath:portal-test.properties"));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			sources.addFirst(new MapPropertySource("testDatabase", Map.copyOf(TestDatabase.properties())));
		}

	}

}

package vn.edu.portal.system;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every visible word exists in Vietnamese and in English. */
class MessagesTests {

	private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");

	@Test
	void vietnameseAndEnglishHaveTheSameKeys() throws IOException {
		Set<String> vietnamese = keys("messages_vi.properties");
		Set<String> english = keys("messages_en.properties");
		assertThat(vietnamese).isNotEmpty();
		assertThat(difference(vietnamese, english)).as("keys missing in English").isEmpty();
		assertThat(difference(english, vietnamese)).as("keys missing in Vietnamese").isEmpty();
	}

	@Test
	void everyKeyUsedInATemplateExistsInBothLanguages() throws IOException {
		Set<String> vietnamese = keys("messages_vi.properties");
		Set<String> english = keys("messages_en.properties");
		Set<String> used = new TreeSet<>();
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path template : templates.filter((path) -> path.toString().endsWith(".html")).toList()) {
				Matcher matcher = LITERAL_KEY.matcher(Files.readString(template));
				while (matcher.find()) {
					used.add(matcher.group(1));
				}
			}
		}
		assertThat(used).contains("app.name", "login.title");
		assertThat(difference(used, vietnamese)).as("template keys missing in Vietnamese").isEmpty();
		assertThat(difference(used, english)).as("template keys missing in English").isEmpty();
	}

	@Test
	void vietnameseIsWrittenWithDiacritics() throws IOException {
		Properties vietnamese = load("messages_vi.properties");
		assertThat(vietnamese.getProperty("app.name")).isEqualTo("Cổng chỉ đạo và báo cáo sự cố");
		assertThat(vietnamese.getProperty("login.title")).isEqualTo("Đăng nhập");
	}

	private static Set<String> difference(Set<String> left, Set<String> right) {
		Set<String> result = new TreeSet<>(left);
		result.removeAll(right);
		return result;
	}

	private static Set<String> keys(String file) throws IOException {
		Set<String> keys = new TreeSet<>();
		load(file).stringPropertyNames().forEach(keys::add);
		return keys;
	}

	private static Properties load(String file) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(new ClassPathResource(file).getInputStream(),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}

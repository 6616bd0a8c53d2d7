package vn.edu.portal.api;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import vn.edu.portal.PortalHttp;
import vn.edu.portal.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published OpenAPI document is the checked-in one: a change to the API fails here
 * until {@code src/test/resources/openapi.json} is updated (the published copy is written
 * to {@code target/openapi.json} to compare and copy).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OpenApiContractTests {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
		.build();

	@LocalServerPort
	int port;

	@Test
	void thePublishedDocumentIsTheCheckedInOne() throws Exception {
		PortalHttp http = new PortalHttp(this.port);
		http.login(TestAccounts.DEPARTMENT_LEADER, TestAccounts.DEMO_PASSWORD);

		String published = http.get("/v3/api-docs").body();
		JsonNode actual = JSON.readTree(published);
		((tools.jackson.databind.node.ObjectNode) actual).remove("servers");
		String normalised = JSON.writeValueAsString(actual);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/openapi.json"), normalised + "\n", StandardCharsets.UTF_8);
		String expected = new ClassPathResource("openapi.json").getContentAsString(StandardCharsets.UTF_8);

		assertThat(normalised + "\n").as("src/test/resources/openapi.json is the published document")
			.isEqualTo(JSON.writeValueAsString(JSON.readTree(expected)) + "\n");
		assertThat(actual.at("/paths").propertyNames()).contains("/api/v1/directives", "/api/v1/directives/{id}",
				"/api/v1/inbox", "/api/v1/inbox/{id}", "/api/v1/inbox/{id}/acknowledge");
		assertThat(actual.at("/paths/~1api~1v1~1inbox~1{id}~1acknowledge/post/responses/429").isMissingNode())
			.isFalse();
	}

	@Test
	void theSwaggerUiIsServedFromTheApplicationWithoutACdn() {
		PortalHttp http = new PortalHttp(this.port);
		http.login(TestAccounts.DEPARTMENT_LEADER, TestAccounts.DEMO_PASSWORD);

		java.net.http.HttpResponse<String> docs = http.get("/api/docs");
		assertThat(docs.statusCode()).isEqualTo(302);
		String ui = PortalHttp.location(docs);
		java.net.http.HttpResponse<String> page = http.get(ui);

		assertThat(page.statusCode()).as(ui).isEqualTo(200);
		assertThat(page.body()).contains("swagger-ui").doesNotContain("https://");
		String initializer = ui.replace("index.html", "swagger-initializer.js");
		assertThat(http.get(initializer).body()).contains("/v3/api-docs");
	}

}

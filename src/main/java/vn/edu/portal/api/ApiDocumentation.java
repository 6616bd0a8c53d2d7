package vn.edu.portal.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's OpenAPI document ({@code /v3/api-docs}, Swagger UI at {@code /api/docs}): the
 * bearer token, and the problem details every operation may answer.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String TOKEN = "personalAccessToken";

	static final String PROBLEM = "Problem";

	@Bean
	OpenAPI portalApi() {
		return new OpenAPI()
			.info(new Info().title("Cổng chỉ đạo và báo cáo sự cố · API")
				.version("v1")
				.description("Directives, the unit's inbox and acknowledgement, implementation reports, "
						+ "incidents, units and dashboard figures, with the pages' scope rule: another unit's "
						+ "object answers 404. Authenticate with a personal access token "
						+ "(Authorization: Bearer pat_…) made on the profile page, or with a client-credentials "
						+ "JWT of the province's identity provider when the portal is configured for one.")
				.license(new License().name("Open source")))
			.components(new Components()
				.addSecuritySchemes(TOKEN,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.description("A personal access token (pat_…), or a JWT of the configured identity "
									+ "provider for a machine client"))
				.addSchemas(PROBLEM, problem()))
			.addSecurityItem(new SecurityRequirement().addList(TOKEN));
	}

	/**
	 * Every operation may answer 400, 401, 403, 404 and 429 as problem details; the page
	 * handlers' plain-text 409 and 413, which springdoc finds on the pages' advice, are
	 * answered by the API as problem details too.
	 */
	@Bean
	OpenApiCustomizer problemResponses() {
		return (openApi) -> openApi.getPaths().values().forEach((path) -> path.readOperations().forEach((operation) -> {
			operation.getResponses()
				.addApiResponse("400", problemResponse("A bad parameter or body; errors lists each wrong field."));
			operation.getResponses()
				.addApiResponse("401", problemResponse("No valid token: unknown, expired or revoked."));
			operation.getResponses()
				.addApiResponse("403",
						problemResponse("The token's scopes or its owner's permissions do not " + "allow this."));
			operation.getResponses().addApiResponse("404", problemResponse("Not found, or another unit's object."));
			operation.getResponses()
				.addApiResponse("429", problemResponse("Too many requests with this token; see Retry-After."));
			if (operation.getResponses().containsKey("409")) {
				operation.getResponses()
					.addApiResponse("409", problemResponse("The object's state does not allow this now."));
			}
			operation.getResponses().remove("413");
		}));
	}

	private static ApiResponse problemResponse(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType("application/problem+json",
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
	}

	@SuppressWarnings("rawtypes")
	private static Schema problem() {
		return new ObjectSchema().description("RFC 9457 problem details")
			.addProperty("type", new StringSchema())
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema())
			.addProperty("errors",
					new ArraySchema().description("With 400: each wrong field")
						.items(new ObjectSchema().addProperty("field", new StringSchema())
							.addProperty("message", new StringSchema())));
	}

}

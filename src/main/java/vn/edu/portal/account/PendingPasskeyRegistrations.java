package vn.edu.portal.account;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticationExtensionsClientInput;
import org.springframework.security.web.webauthn.api.AuthenticatorAttachment;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableAuthenticationExtensionsClientInput;
import org.springframework.security.web.webauthn.api.ImmutableAuthenticationExtensionsClientInputs;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialDescriptor;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * The options of a passkey registration under way (the challenge above all). Spring
 * Security keeps them in the session, but they are not serializable (and its Jackson
 * support writes them for the browser without reading them back): here the session holds
 * only a random key, and the options are kept in PostgreSQL as JSON of their fields for
 * five minutes at most, so that the browser's answer may reach any instance. They are
 * deleted when read back (a challenge is answered once) and swept when expired
 * ({@link ShortLivedSecrets}).
 */
final class PendingPasskeyRegistrations implements PublicKeyCredentialCreationOptionsRepository {

	static final String KEY = PendingPasskeyRegistrations.class.getName() + ".KEY";

	static final Duration LIFETIME = Duration.ofMinutes(5);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	PendingPasskeyRegistrations(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void save(HttpServletRequest request, HttpServletResponse response,
			@Nullable PublicKeyCredentialCreationOptions options) {
		HttpSession session = request.getSession();
		if (session.getAttribute(KEY) instanceof String previous) {
			this.jdbc.sql("delete from passkey_registration where key_hash = ?")
				.param(CredentialsVault.hash(previous))
				.update();
		}
		if (options == null) {
			session.removeAttribute(KEY);
			return;
		}
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String key = HexFormat.of().formatHex(bytes);
		this.jdbc
			.sql("insert into passkey_registration (key_hash, options, expires_at) values (?, cast(? as jsonb), ?)")
			.params(CredentialsVault.hash(key), JSON.writeValueAsString(write(options)),
					Timestamp.from(this.clock.instant().plus(LIFETIME)))
			.update();
		session.setAttribute(KEY, key);
	}

	@Override
	public @Nullable PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(KEY) instanceof String key)) {
			return null;
		}
		return this.jdbc.sql("""
				delete from passkey_registration where key_hash = ? and expires_at > ?
				returning options::text
				""")
			.params(CredentialsVault.hash(key), Timestamp.from(this.clock.instant()))
			.query((rs, i) -> read(JSON.readTree(rs.getString(1))))
			.optional()
			.orElse(null);
	}

	static Map<String, Object> write(PublicKeyCredentialCreationOptions options) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("rpId", options.getRp().getId());
		json.put("rpName", options.getRp().getName());
		json.put("userId", options.getUser().getId().toBase64UrlString());
		json.put("userName", options.getUser().getName());
		json.put("userDisplayName", options.getUser().getDisplayName());
		json.put("challenge", options.getChallenge().toBase64UrlString());
		json.put("algorithms", options.getPubKeyCredParams().stream().map((p) -> p.getAlg().getValue()).toList());
		if (options.getTimeout() != null) {
			json.put("timeoutMillis", options.getTimeout().toMillis());
		}
		List<Map<String, Object>> excluded = new ArrayList<>();
		if (options.getExcludeCredentials() != null) {
			for (PublicKeyCredentialDescriptor descriptor : options.getExcludeCredentials()) {
				Map<String, Object> one = new LinkedHashMap<>();
				one.put("id", descriptor.getId().toBase64UrlString());
				one.put("transports",
						(descriptor.getTransports() != null)
								? descriptor.getTransports().stream().map(AuthenticatorTransport::getValue).toList()
								: List.of());
				excluded.add(one);
			}
		}
		json.put("excludeCredentials", excluded);
		AuthenticatorSelectionCriteria selection = options.getAuthenticatorSelection();
		if (selection != null) {
			Map<String, Object> criteria = new LinkedHashMap<>();
			if (selection.getAuthenticatorAttachment() != null) {
				criteria.put("authenticatorAttachment", selection.getAuthenticatorAttachment().getValue());
			}
			if (selection.getResidentKey() != null) {
				criteria.put("residentKey", selection.getResidentKey().getValue());
			}
			if (selection.getUserVerification() != null) {
				criteria.put("userVerification", selection.getUserVerification().getValue());
			}
			json.put("authenticatorSelection", criteria);
		}
		if (options.getAttestation() != null) {
			json.put("attestation", options.getAttestation().getValue());
		}
		Map<String, Object> extensions = new LinkedHashMap<>();
		if (options.getExtensions() != null) {
			for (AuthenticationExtensionsClientInput<?> input : options.getExtensions().getInputs()) {
				extensions.put(input.getExtensionId(), input.getInput());
			}
		}
		json.put("extensions", extensions);
		return json;
	}

	static PublicKeyCredentialCreationOptions read(JsonNode json) {
		PublicKeyCredentialCreationOptions.PublicKeyCredentialCreationOptionsBuilder options = PublicKeyCredentialCreationOptions
			.builder()
			.rp(PublicKeyCredentialRpEntity.builder()
				.id(json.get("rpId").asString())
				.name(json.get("rpName").asString())
				.build())
			.user(ImmutablePublicKeyCredentialUserEntity.builder()
				.id(Bytes.fromBase64(json.get("userId").asString()))
				.name(json.get("userName").asString())
				.displayName(json.get("userDisplayName").asString())
				.build())
			.challenge(Bytes.fromBase64(json.get("challenge").asString()))
			.pubKeyCredParams(stream(json.get("algorithms")).map((alg) -> parameters(alg.asLong())).toList());
		if (json.has("timeoutMillis")) {
			options.timeout(Duration.ofMillis(json.get("timeoutMillis").asLong()));
		}
		options.excludeCredentials(stream(json.get("excludeCredentials")).map((one) -> {
			Set<AuthenticatorTransport> transports = stream(one.get("transports"))
				.map((transport) -> AuthenticatorTransport.valueOf(transport.asString()))
				.collect(Collectors.toSet());
			return PublicKeyCredentialDescriptor.builder()
				.type(PublicKeyCredentialType.PUBLIC_KEY)
				.id(Bytes.fromBase64(one.get("id").asString()))
				.transports(transports)
				.build();
		}).toList());
		JsonNode criteria = json.get("authenticatorSelection");
		if (criteria != null) {
			AuthenticatorSelectionCriteria.AuthenticatorSelectionCriteriaBuilder selection = AuthenticatorSelectionCriteria
				.builder();
			if (criteria.has("authenticatorAttachment")) {
				selection.authenticatorAttachment(
						AuthenticatorAttachment.valueOf(criteria.get("authenticatorAttachment").asString()));
			}
			if (criteria.has("residentKey")) {
				selection.residentKey(ResidentKeyRequirement.valueOf(criteria.get("residentKey").asString()));
			}
			if (criteria.has("userVerification")) {
				selection.userVerification(userVerification(criteria.get("userVerification").asString()));
			}
			options.authenticatorSelection(selection.build());
		}
		if (json.has("attestation")) {
			options.attestation(AttestationConveyancePreference.valueOf(json.get("attestation").asString()));
		}
		List<AuthenticationExtensionsClientInput> inputs = new ArrayList<>();
		json.get("extensions")
			.properties()
			.forEach((entry) -> inputs
				.add(new ImmutableAuthenticationExtensionsClientInput<>(entry.getKey(), entry.getValue().isBoolean()
						? (Object) entry.getValue().asBoolean() : entry.getValue().asString())));
		options.extensions(new ImmutableAuthenticationExtensionsClientInputs(inputs));
		return options.build();
	}

	private static Stream<JsonNode> stream(JsonNode array) {
		List<JsonNode> nodes = new ArrayList<>();
		if (array != null) {
			array.forEach(nodes::add);
		}
		return nodes.stream();
	}

	private static PublicKeyCredentialParameters parameters(long algorithm) {
		for (PublicKeyCredentialParameters parameters : List.of(PublicKeyCredentialParameters.EdDSA,
				PublicKeyCredentialParameters.ES256, PublicKeyCredentialParameters.ES384,
				PublicKeyCredentialParameters.ES512, PublicKeyCredentialParameters.RS256,
				PublicKeyCredentialParameters.RS384, PublicKeyCredentialParameters.RS512,
				PublicKeyCredentialParameters.RS1)) {
			if (parameters.getAlg().getValue() == algorithm) {
				return parameters;
			}
		}
		throw new IllegalArgumentException("Unknown COSE algorithm " + algorithm);
	}

	private static UserVerificationRequirement userVerification(String value) {
		return Stream
			.of(UserVerificationRequirement.DISCOURAGED, UserVerificationRequirement.PREFERRED,
					UserVerificationRequirement.REQUIRED)
			.filter((requirement) -> requirement.getValue().equals(value))
			.findFirst()
			.orElse(UserVerificationRequirement.PREFERRED);
	}

}

package vn.edu.portal.system;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.core.convert.converter.Converter;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;

import static org.assertj.core.api.Assertions.assertThat;

class SessionAttributeReaderTests {

	private final SerializingConverter serializer = new SerializingConverter();

	private final AtomicInteger deserialized = new AtomicInteger();

	private final SessionAttributeReader reader = new SessionAttributeReader(counting());

	@Test
	void theSameStoredContextIsDeserialisedOnceAndHandedOutAsANewContextEachTime() {
		byte[] stored = this.serializer.convert(context("thcs.giongtrom", "ROLE_UNIT_LEADER"));

		SecurityContext first = (SecurityContext) this.reader.convert(stored);
		SecurityContext second = (SecurityContext) this.reader.convert(stored.clone());

		assertThat(this.deserialized).hasValue(1);
		assertThat(second).isNotSameAs(first).isEqualTo(first);
		assertThat(second.getAuthentication().getName()).isEqualTo("thcs.giongtrom");
		first.setAuthentication(null);
		assertThat(second.getAuthentication()).as("signing out empties only the request's own context").isNotNull();
		assertThat(((SecurityContext) this.reader.convert(stored)).getAuthentication().getName())
			.isEqualTo("thcs.giongtrom");
	}

	@Test
	void otherBytesAreReadForWhatTheySay() {
		SecurityContext leader = (SecurityContext) this.reader
			.convert(this.serializer.convert(context("sgd.lanhdao", "ROLE_DEPARTMENT_LEADER")));
		SecurityContext officer = (SecurityContext) this.reader
			.convert(this.serializer.convert(context("sgd.lanhdao", "ROLE_DEPARTMENT_OFFICER")));

		assertThat(this.deserialized).hasValue(2);
		assertThat(leader.getAuthentication().getAuthorities()).extracting(Object::toString)
			.containsExactly("ROLE_DEPARTMENT_LEADER");
		assertThat(officer.getAuthentication().getAuthorities()).extracting(Object::toString)
			.as("the same user with another role is another session content")
			.containsExactly("ROLE_DEPARTMENT_OFFICER");
	}

	@Test
	void aCsrfTokenIsRememberedAndAnythingElseIsDeserialisedEveryTime() {
		byte[] token = this.serializer.convert(new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "a-token"));
		byte[] other = this.serializer.convert(new java.util.ArrayList<>(List.of("flash")));

		DefaultCsrfToken first = (DefaultCsrfToken) this.reader.convert(token);
		assertThat(((DefaultCsrfToken) this.reader.convert(token)).getToken()).isEqualTo(first.getToken());
		assertThat(this.deserialized).hasValue(1);

		Object list = this.reader.convert(other);
		assertThat(this.reader.convert(other)).isEqualTo(list).isNotSameAs(list);
		assertThat(this.deserialized).as("a mutable value is never shared").hasValue(3);
	}

	@Test
	void pastItsBoundItForgetsAndStillReadsRight() {
		byte[] first = this.serializer.convert(context("user0", "ROLE_UNIT_LEADER"));
		this.reader.convert(first);
		for (int i = 1; i <= SessionAttributeReader.REMEMBERED; i++) {
			SecurityContext read = (SecurityContext) this.reader
				.convert(this.serializer.convert(context("user" + i, "ROLE_UNIT_LEADER")));
			assertThat(read.getAuthentication().getName()).isEqualTo("user" + i);
		}
		int before = this.deserialized.get();
		assertThat(((SecurityContext) this.reader.convert(first)).getAuthentication().getName()).isEqualTo("user0");
		assertThat(this.deserialized.get()).as("forgotten, read again").isEqualTo(before + 1);
	}

	private static SecurityContext context(String username, String role) {
		return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(username, null,
				List.of(new SimpleGrantedAuthority(role))));
	}

	private Converter<byte[], Object> counting() {
		DeserializingConverter real = new DeserializingConverter(getClass().getClassLoader());
		return (bytes) -> {
			this.deserialized.incrementAndGet();
			return real.convert(bytes);
		};
	}

}

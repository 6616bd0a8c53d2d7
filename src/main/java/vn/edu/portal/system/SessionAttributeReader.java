package vn.edu.portal.system;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.convert.converter.Converter;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * Reads a session attribute back from its stored bytes, and remembers what the same bytes
 * read to for the two attributes every page reads: the signed-in user and the CSRF token.
 * <p>
 * Java deserialisation of the security context (the user, their roles, the login's
 * details: 1.5 KB) cost 4 to 5% of a list page's time, on every request, to rebuild what
 * the previous request of the session had rebuilt from the same bytes. The same bytes
 * always read to an equal value, so what is remembered is exact by construction: a
 * session whose user changes (a new sign-in, another role) is stored with other bytes,
 * and an ended session has none to read. A security context is handed out new each time
 * (a request may empty its own, as signing out does), around the remembered
 * authentication, which nothing changes once it is stored; a CSRF token is immutable.
 * <p>
 * At most {@link #REMEMBERED} values are kept, then all are forgotten at once: the cost
 * of a miss is one deserialisation.
 */
final class SessionAttributeReader implements Converter<byte[], Object> {

	static final int REMEMBERED = 2_000;

	private final Converter<byte[], Object> deserializer;

	private final Map<Bytes, Object> read = new ConcurrentHashMap<>();

	SessionAttributeReader(ClassLoader classLoader) {
		this(new DeserializingConverter(classLoader));
	}

	SessionAttributeReader(Converter<byte[], Object> deserializer) {
		this.deserializer = deserializer;
	}

	@Override
	public Object convert(byte[] source) {
		Bytes key = new Bytes(source);
		Object remembered = this.read.get(key);
		if (remembered instanceof Authentication authentication) {
			return new SecurityContextImpl(authentication);
		}
		if (remembered != null) {
			return remembered;
		}
		Object value = this.deserializer.convert(source);
		Object kept = keepable(value);
		if (kept != null) {
			if (this.read.size() >= REMEMBERED) {
				this.read.clear();
			}
			this.read.put(key, kept);
		}
		return value;
	}

	/** What of a value may be handed to several requests, or null. */
	private static Object keepable(Object value) {
		if (value != null && value.getClass() == SecurityContextImpl.class) {
			return ((SecurityContextImpl) value).getAuthentication();
		}
		if (value != null && value.getClass() == DefaultCsrfToken.class) {
			return value;
		}
		return null;
	}

	/** Stored bytes as a key: compared by content. */
	private record Bytes(byte[] content, int hash) {

		Bytes(byte[] content) {
			this(content, Arrays.hashCode(content));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Bytes bytes && this.hash == bytes.hash
					&& Arrays.equals(this.content, bytes.content);
		}

		@Override
		public int hashCode() {
			return this.hash;
		}

		@Override
		public String toString() {
			return "Bytes[" + this.content.length + "]";
		}

	}

}

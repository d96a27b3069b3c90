package io.github.kernelboot.local;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Checks {@code Authorization: Bearer <api key>}, comparing keys in constant time.
 */
final class BearerAuthentication {

	private static final String SCHEME = "bearer ";

	private final byte[] apiKey;

	BearerAuthentication(String apiKey) {
		this.apiKey = apiKey.getBytes(StandardCharsets.UTF_8);
	}

	boolean accepts(@Nullable String authorization) {
		if (authorization == null || authorization.length() <= SCHEME.length()
				|| !authorization.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
			return false;
		}
		byte[] presented = authorization.substring(SCHEME.length()).trim().getBytes(StandardCharsets.UTF_8);
		return MessageDigest.isEqual(this.apiKey, presented);
	}

}

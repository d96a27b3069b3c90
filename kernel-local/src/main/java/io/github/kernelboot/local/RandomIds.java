package io.github.kernelboot.local;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random identifiers and secrets. Ids look like Kernel's (24 lower-case letters and digits);
 * secrets carry 256 random bits, base64url-encoded.
 */
final class RandomIds {

	private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

	private static final int ID_LENGTH = 24;

	private static final int SECRET_BYTES = 32;

	private final SecureRandom random = new SecureRandom();

	String id() {
		char[] id = new char[ID_LENGTH];
		for (int i = 0; i < id.length; i++) {
			id[i] = ID_ALPHABET[this.random.nextInt(ID_ALPHABET.length)];
		}
		return new String(id);
	}

	String secret() {
		byte[] bytes = new byte[SECRET_BYTES];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}

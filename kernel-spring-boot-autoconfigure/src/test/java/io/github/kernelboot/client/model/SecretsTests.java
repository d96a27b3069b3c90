package io.github.kernelboot.client.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link Secrets}.
 */
class SecretsTests {

	private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzMSJ9.sig-nature_1";

	@Test
	void masksTheJwtQueryParameterOfACdpUrl() {
		assertThat(Secrets.mask("wss://api.onkernel.com/browser/cdp?jwt=" + JWT + "&x=1"))
			.isEqualTo("wss://api.onkernel.com/browser/cdp?jwt=****&x=1");
		assertThat(Secrets.mask("ws://127.0.0.1:1/cdp/s1?foo=bar&jwt=opaque-token"))
			.isEqualTo("ws://127.0.0.1:1/cdp/s1?foo=bar&jwt=****");
	}

	@Test
	void masksBearerTokensAndJwtShapedTokensAnywhere() {
		assertThat(Secrets.mask("Authorization: Bearer sk_live_123")).isEqualTo("Authorization: Bearer ****");
		assertThat(Secrets.mask("token " + JWT + " expired")).isEqualTo("token **** expired");
	}

	@Test
	void masksTheGivenApiKey() {
		assertThat(Secrets.mask("key sk_live_abc is wrong", "sk_live_abc")).isEqualTo("key **** is wrong");
	}

	@Test
	void leavesOrdinaryTextAndNullAlone() {
		assertThat(Secrets.mask("pool 'snapshots' has 2 browsers")).isEqualTo("pool 'snapshots' has 2 browsers");
		assertThat(Secrets.mask(null)).isNull();
		assertThat(Secrets.mask("text", null)).isEqualTo("text");
	}

}

package io.github.kernelboot.local;

import java.util.stream.Stream;

import io.github.kernelboot.local.ApiCalls.Answer;
import io.netty.handler.codec.http.HttpMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every request the API refuses, answered with its status and Error JSON, while the server
 * keeps serving and starts no browser for any of them.
 */
class ApiValidationTests {

	private static KernelLocalServer server;

	private static ApiCalls api;

	@BeforeAll
	static void startServer() {
		server = KernelLocalServer.builder().apiKey("test-key").build();
		server.start();
		api = new ApiCalls(server);
		// A pool to send bad requests to; it stays empty (size 1, one browser at most).
		assertThat(api.post("/browser_pools", "{\"name\":\"target\",\"size\":1}").status()).isEqualTo(200);
	}

	@AfterAll
	static void stopServer() {
		ChromiumProcesses.stopLeavingNone(server);
	}

	static Stream<Arguments> invalidBodies() {
		StringBuilder tags = new StringBuilder("{");
		for (int i = 0; i <= 50; i++) {
			tags.append((i > 0) ? "," : "").append("\"t").append(i).append("\":\"v\"");
		}
		tags.append("}");
		String extensions = "[" + "{\"id\":\"e\"},".repeat(20) + "{\"id\":\"e\"}]";
		return Stream.of(
				// POST /browsers
				arguments("/browsers", "{\"timeout_seconds\":9}", "timeout_seconds"),
				arguments("/browsers", "{\"timeout_seconds\":259201}", "timeout_seconds"),
				arguments("/browsers", "{\"viewport\":{\"width\":319,\"height\":800}}", "viewport.width"),
				arguments("/browsers", "{\"viewport\":{\"width\":7681,\"height\":800}}", "viewport.width"),
				arguments("/browsers", "{\"viewport\":{\"width\":1280,\"height\":239}}", "viewport.height"),
				arguments("/browsers", "{\"viewport\":{\"width\":1280,\"height\":4321}}", "viewport.height"),
				arguments("/browsers", "{\"viewport\":{\"width\":1280,\"height\":800,\"refresh_rate\":0}}",
						"viewport.refresh_rate"),
				arguments("/browsers", "{\"profile\":{}}", "profile"),
				arguments("/browsers", "{\"profile\":{\"id\":\"p\",\"name\":\"p\"}}", "profile"),
				arguments("/browsers", "{\"profile\":{\"name\":\"no spaces\"}}", "profile.name"),
				arguments("/browsers", "{\"profile\":{\"name\":\"shop\"}}", "profile"),
				arguments("/browsers", "{\"extensions\":" + extensions + "}", "extensions"),
				arguments("/browsers", "{\"extensions\":[{\"id\":\"a\"},{}]}", "extensions[1]"),
				arguments("/browsers", "{\"extensions\":[{\"name\":\"b@d\"}]}", "extensions[0].name"),
				arguments("/browsers", "{\"extensions\":[{\"name\":\"adblock\"}]}", "extensions[0]"),
				arguments("/browsers", "{\"proxy_id\":\"proxy-1\"}", "proxy_id"),
				arguments("/browsers", "{\"tags\":" + tags + "}", "tags"),
				arguments("/browsers", "{\"tags\":{\"a\":1}}", "tags.a"),
				arguments("/browsers", "{\"stealth\":\"yes\"}", "stealth"),
				arguments("/browsers", "{\"timeout_seconds\":\"60\"}", "timeout_seconds"),
				arguments("/browsers", "{\"timeout_seconds\":60.5}", "timeout_seconds"),
				arguments("/browsers", "{\"viewport\":{\"width\":\"wide\",\"height\":800}}", "viewport.width"),
				arguments("/browsers", "{\"viewport\":[]}", "viewport"),
				arguments("/browsers", "[]", "body"),
				arguments("/browsers", "{\"stealth\":true", "body"),
				arguments("/browsers", "{} {}", "body"),
				// POST /browser_pools
				arguments("/browser_pools", "{}", "size"),
				arguments("/browser_pools", "{\"size\":0}", "size"),
				arguments("/browser_pools", "{\"size\":1,\"fill_rate_per_minute\":0}", "fill_rate_per_minute"),
				arguments("/browser_pools", "{\"size\":1,\"timeout_seconds\":5}", "timeout_seconds"),
				arguments("/browser_pools", "{\"size\":1,\"name\":\" \"}", "name"),
				arguments("/browser_pools", "{\"size\":1,\"viewport\":{\"width\":100,\"height\":800}}", "viewport.width"),
				arguments("/browser_pools", "{\"size\":1,\"profile\":{\"id\":\"p\"}}", "profile"),
				arguments("/browser_pools", "{\"size\":1,\"extensions\":[{\"id\":\"e\"}]}", "extensions[0]"),
				arguments("/browser_pools", "{\"size\":1,\"proxy_id\":\"p\"}", "proxy_id"),
				arguments("/browser_pools", "{\"size\":\"one\"}", "size"),
				// acquire, release
				arguments("/browser_pools/target/acquire", "{\"acquire_timeout_seconds\":-1}", "acquire_timeout_seconds"),
				arguments("/browser_pools/target/acquire", "{\"acquire_timeout_seconds\":\"5\"}", "acquire_timeout_seconds"),
				arguments("/browser_pools/target/acquire", "{\"tags\":" + tags + "}", "tags"),
				arguments("/browser_pools/target/release", "{}", "session_id"),
				arguments("/browser_pools/target/release", "{\"session_id\":\" \"}", "session_id"),
				arguments("/browser_pools/target/release", "{\"session_id\":\"s\",\"reuse\":\"no\"}", "reuse"));
	}

	@ParameterizedTest(name = "POST {0} {1} -> 400 naming {2}")
	@MethodSource("invalidBodies")
	void invalidBodiesAreAnswered400NamingTheField(String path, String body, String field) {
		assertBadRequest(api.post(path, body), field);
	}

	@Test
	void invalidUpdatesAndDeletesAreAnswered400NamingTheField() {
		assertBadRequest(api.patch("/browser_pools/target", "{\"size\":0}"), "size");
		assertBadRequest(api.patch("/browser_pools/target", "{\"timeout_seconds\":259201}"), "timeout_seconds");
		assertBadRequest(api.patch("/browser_pools/target", "{\"discard_all_idle\":\"yes\"}"), "discard_all_idle");
		assertBadRequest(api.patch("/browser_pools/target", "{\"viewport\":{\"width\":1280,\"height\":1}}"),
				"viewport.height");
		assertBadRequest(api.delete("/browser_pools/target", "{\"force\":\"yes\"}"), "force");
		assertThat(api.get("/browser_pools/target").json().path("browser_pool_config").path("size").asInt()).isEqualTo(1);
	}

	@Test
	void invalidQueriesAreAnswered400NamingTheParameter() {
		assertBadRequest(api.get("/browsers?limit=0"), "limit");
		assertBadRequest(api.get("/browsers?offset=-1"), "offset");
		assertBadRequest(api.get("/browsers?offset=abc"), "offset");
		assertBadRequest(api.get("/browsers?status=gone"), "status");
		assertBadRequest(api.get("/browsers/x?include_deleted=maybe"), "include_deleted");
		assertBadRequest(api.get("/browser_pools?limit=-5"), "limit");
	}

	@Test
	void malformedPercentEscapesAreAnswered400NamingThePathOrQuery() {
		assertBadRequest(api.get("/browser_pools/%zz"), "path");
		assertBadRequest(api.get("/browser_pools/target%"), "path");
		assertBadRequest(api.post("/browser_pools/%2/acquire", "{}"), "path");
		assertBadRequest(api.get("/browsers?status=%"), "query");
		assertBadRequest(api.get("/browsers?limit=%zz"), "query");
		assertBadRequest(api.post("/browser_pools/target/flush?x=%", null), "query");
		assertThat(api.get("/browser_pools/target").status()).isEqualTo(200);
	}

	@Test
	void requestsWithoutTheRightApiKeyAreAnswered401() {
		for (ApiCalls caller : new ApiCalls[] { new ApiCalls(server.baseUrl(), null),
				new ApiCalls(server.baseUrl(), "wrong-key"), new ApiCalls(server.baseUrl(), "test-ke"), new ApiCalls(server.baseUrl(), "test-key2") }) {
			Answer answer = caller.get("/browser_pools");
			assertThat(answer.status()).isEqualTo(401);
			assertThat(answer.text("code")).isEqualTo("unauthorized");
			assertThat(answer.headers().get("WWW-Authenticate")).isEqualTo("Bearer");
			assertThat(caller.post("/browser_pools", "{\"size\":1}").status()).isEqualTo(401);
		}
		assertThat(api.get("/browser_pools").status()).isEqualTo(200);
	}

	@Test
	void unknownRoutesPoolsAndSessionsAreAnswered404() {
		assertNotFound(api.get("/nowhere"));
		assertNotFound(api.get("/browser_pools/nosuchpool"));
		assertNotFound(api.post("/browser_pools/nosuchpool/acquire", "{}"));
		assertNotFound(api.post("/browser_pools/nosuchpool/release", "{\"session_id\":\"s\"}"));
		assertNotFound(api.post("/browser_pools/nosuchpool/flush", null));
		assertNotFound(api.patch("/browser_pools/nosuchpool", "{}"));
		assertNotFound(api.delete("/browser_pools/nosuchpool", null));
		assertNotFound(api.get("/browsers/nosuchsession"));
		assertNotFound(api.delete("/browsers/nosuchsession", null));
		assertNotFound(api.post("/browser_pools/target/release", "{\"session_id\":\"nosuchsession\"}"));
	}

	@Test
	void otherMethodsOnKnownRoutesAreAnswered405WithAllow() {
		Answer answer = api.delete("/browsers", null);
		assertThat(answer.status()).isEqualTo(405);
		assertThat(answer.text("code")).isEqualTo("method_not_allowed");
		assertThat(answer.headers().get("Allow")).isEqualTo("POST, GET");
		assertThat(api.get("/browser_pools/target/acquire").status()).isEqualTo(405);
		assertThat(api.call(HttpMethod.PUT, "/browser_pools/target", "{}").block(ApiCalls.TIMEOUT).status())
			.isEqualTo(405);
	}

	@Test
	void bodiesThatAreNotJsonAreAnswered415() {
		Answer answer = api.call(HttpMethod.POST, "/browser_pools", "size=1", "application/x-www-form-urlencoded")
			.block(ApiCalls.TIMEOUT);
		assertThat(answer.status()).isEqualTo(415);
		assertThat(answer.text("code")).isEqualTo("unsupported_media_type");
		Answer created = api.call(HttpMethod.POST, "/browsers", "{}", "application/vnd.kernel+json; charset=utf-8")
			.block(ApiCalls.TIMEOUT);
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		// A real browser: delete it, so no other test finds it.
		assertThat(api.delete("/browsers/" + created.text("session_id"), null).status()).isEqualTo(204);
	}

	@Test
	void theServerKeepsServingAfterBadRequestsAndStartsNoBrowserForThem() {
		// Sessions deleted since count too: other tests of this class may have started some.
		int sessionsBefore = api.get("/browsers?status=all&limit=100").json().size();
		for (int i = 0; i < 20; i++) {
			assertThat(api.post("/browsers", "{\"timeout_seconds\":1}").status()).isEqualTo(400);
			assertThat(api.post("/browsers", "{broken").status()).isEqualTo(400);
		}
		assertThat(api.get("/browsers?status=all&limit=100").json()).hasSize(sessionsBefore);
		assertThat(api.get("/browser_pools/target").status()).isEqualTo(200);
	}

	private static void assertBadRequest(Answer answer, String field) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(400);
		assertThat(answer.headers().get("Content-Type")).isEqualTo("application/json");
		assertThat(answer.text("code")).isEqualTo("bad_request");
		assertThat(answer.text("message")).startsWith(field + " ");
		assertThat(answer.json().path("details").get(0).path("message").asString()).isEqualTo(field);
	}

	private static void assertNotFound(Answer answer) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(404);
		assertThat(answer.text("code")).isEqualTo("not_found");
		assertThat(answer.text("message")).isNotBlank();
	}

}

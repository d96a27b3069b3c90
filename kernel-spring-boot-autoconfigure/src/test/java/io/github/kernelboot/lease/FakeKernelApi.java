package io.github.kernelboot.lease;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small Kernel API on a real loopback HTTP server, with pools that hand out browsers and
 * take them back, for tests of leases in a Spring context. Pools answer acquire with 200
 * while they have a free browser, else hold the poll for its {@code acquire_timeout_seconds}
 * and answer 204; a script of statuses can be queued per pool. Every release is recorded.
 */
public final class FakeKernelApi implements AutoCloseable {

	public static final String API_KEY = "sk_test_fake_kernel_5e1d0c";

	public static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzZXNzaW9uIjoiZmFrZSJ9.c2lnbmVkLWZha2U";

	private static final Pattern POOL_PATH = Pattern.compile("^/browser_pools/([^/?]+)(/[a-z]+)?(\\?.*)?$");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MockWebServer server = new MockWebServer();

	private final Map<String, AtomicInteger> freeBrowsers = new ConcurrentHashMap<>();

	private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();

	private final AtomicInteger sessions = new AtomicInteger();

	private final List<Release> releases = new CopyOnWriteArrayList<>();

	private final List<String> poolBodies = new CopyOnWriteArrayList<>();

	private final List<String> requestLines = new CopyOnWriteArrayList<>();

	private volatile long releaseDelayMillis;

	private volatile long scriptedNoContentDelayMillis;

	private volatile int releaseStatus = 204;

	public FakeKernelApi() throws IOException {
		this.server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return answer(request);
			}
		});
		this.server.start();
	}

	public String baseUrl() {
		String url = this.server.url("/").toString();
		return url.substring(0, url.length() - 1);
	}

	/** Declares a pool with this many free browsers. */
	public FakeKernelApi pool(String name, int free) {
		this.freeBrowsers.put(name, new AtomicInteger(free));
		return this;
	}

	/** Queues acquire answers (200 or 204, or an error status) before the pool's own. */
	public FakeKernelApi script(String pool, Integer... statuses) {
		this.scripts.computeIfAbsent(pool, (name) -> new ArrayDeque<>()).addAll(List.of(statuses));
		return this;
	}

	/** Makes every scripted 204 answer only after this delay, as a held poll would. */
	public FakeKernelApi scriptedNoContentDelay(java.time.Duration delay) {
		this.scriptedNoContentDelayMillis = delay.toMillis();
		return this;
	}

	/** Makes every release answer only after this delay. */
	public FakeKernelApi releaseDelay(java.time.Duration delay) {
		this.releaseDelayMillis = delay.toMillis();
		return this;
	}

	/** Makes every release answer with this status (an error JSON unless 2xx). */
	public FakeKernelApi releaseStatus(int status) {
		this.releaseStatus = status;
		return this;
	}

	public List<Release> releases() {
		return List.copyOf(this.releases);
	}

	public List<String> poolBodies() {
		return List.copyOf(this.poolBodies);
	}

	public List<String> requestLines() {
		return List.copyOf(this.requestLines);
	}

	public int acquiresOf(String pool) {
		return (int) this.requestLines.stream()
			.filter((line) -> line.equals("POST /browser_pools/" + pool + "/acquire"))
			.count();
	}

	@Override
	public void close() {
		this.server.close();
	}

	private synchronized MockResponse answer(RecordedRequest request) {
		String path = request.getTarget();
		this.requestLines.add(request.getMethod() + " " + path.replaceAll("\\?.*", ""));
		if (!("Bearer " + API_KEY).equals(request.getHeaders().get("Authorization"))) {
			return error(401, "unauthorized", "missing or wrong API key");
		}
		if (request.getMethod().equals("POST") && path.equals("/browser_pools")) {
			String body = request.getBody().utf8();
			this.poolBodies.add(body);
			String name = JSON.readTree(body).path("name").asString();
			this.freeBrowsers.putIfAbsent(name, new AtomicInteger(JSON.readTree(body).path("size").asInt()));
			return json(200, poolJson(name));
		}
		if (request.getMethod().equals("GET") && path.startsWith("/browser_pools?")) {
			return new MockResponse.Builder().code(200)
				.setHeader("Content-Type", "application/json")
				.setHeader("X-Has-More", "false")
				.setHeader("X-Next-Offset", "0")
				.body("[" + String.join(",", this.freeBrowsers.keySet().stream().map(this::poolJson).toList()) + "]")
				.build();
		}
		Matcher matcher = POOL_PATH.matcher(path);
		if (!matcher.matches()) {
			return error(404, "not_found", "no route " + path);
		}
		String pool = matcher.group(1);
		String action = (matcher.group(2) != null) ? matcher.group(2) : "";
		AtomicInteger free = this.freeBrowsers.get(pool);
		if (free == null) {
			return error(404, "not_found", "pool '" + pool + "' not found");
		}
		return switch (request.getMethod() + " " + action) {
			case "GET " -> json(200, poolJson(pool));
			case "PATCH " -> {
				this.poolBodies.add(request.getBody().utf8());
				yield json(200, poolJson(pool));
			}
			case "POST /acquire" -> acquire(pool, free, JSON.readTree(request.getBody().utf8()));
			case "POST /release" -> {
				if (this.releaseStatus >= 300) {
					yield error(this.releaseStatus, "refused", "release refused by the test");
				}
				JsonNode body = JSON.readTree(request.getBody().utf8());
				boolean reuse = !body.has("reuse") || body.get("reuse").asBoolean();
				this.releases.add(new Release(pool, body.path("session_id").asString(), reuse));
				free.incrementAndGet();
				yield new MockResponse.Builder().code(204)
					.headersDelay(this.releaseDelayMillis, TimeUnit.MILLISECONDS)
					.build();
			}
			default -> error(405, "method_not_allowed", request.getMethod() + " " + path);
		};
	}

	private MockResponse acquire(String pool, AtomicInteger free, JsonNode body) {
		Deque<Integer> script = this.scripts.get(pool);
		Integer scripted = (script != null) ? script.poll() : null;
		if (scripted != null && scripted != 200) {
			return (scripted == 204)
					? new MockResponse.Builder().code(204)
						.headersDelay(this.scriptedNoContentDelayMillis, TimeUnit.MILLISECONDS)
						.build()
					: error(scripted, "scripted", "scripted status " + scripted);
		}
		if (scripted == null && free.get() <= 0) {
			// Hold the poll as the real API does, then say "no browser yet".
			return new MockResponse.Builder().code(204)
				.headersDelay(body.path("acquire_timeout_seconds").asInt(1), TimeUnit.SECONDS)
				.build();
		}
		free.decrementAndGet();
		String sessionId = pool + "-s" + this.sessions.incrementAndGet();
		return json(200, """
				{"session_id": "%s", "cdp_ws_url": "ws://127.0.0.1:9/cdp/%s?jwt=%s",
				 "created_at": "2026-11-22T10:15:30Z", "headless": true, "stealth": false, "timeout_seconds": 600,
				 "pool": {"id": "id-%s", "name": "%s"}}
				""".formatted(sessionId, sessionId, JWT, pool, pool));
	}

	private String poolJson(String name) {
		AtomicInteger free = this.freeBrowsers.get(name);
		return """
				{"id": "id-%s", "name": "%s", "acquired_count": 0, "available_count": %d,
				 "browser_pool_config": {"name": "%s", "size": 1}}
				""".formatted(name, name, (free != null) ? free.get() : 0, name);
	}

	private static MockResponse json(int status, String body) {
		return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body).build();
	}

	private static MockResponse error(int status, String code, String message) {
		return json(status, "{\"code\": \"%s\", \"message\": \"%s\"}".formatted(code, message));
	}

	/** One release request the server received. */
	public record Release(String pool, String sessionId, boolean reuse) {

	}

	static List<String> sessionIds(List<Release> releases) {
		List<String> ids = new ArrayList<>();
		releases.forEach((release) -> ids.add(release.sessionId()));
		return ids;
	}

}

package io.github.kernelboot.integration;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * An HTTP/1.1 proxy on loopback that sits between the starter and a Kernel API server and
 * injects faults, request by request, as a {@link FaultPlan} decides: connection resets
 * before and after the request reaches the server, responses stalled past the client's
 * timeout, 429 with {@code Retry-After}, 503, and bodies cut short.
 *
 * <p>Blocking sockets and one thread per client connection (named {@code fault-proxy-*}):
 * test traffic is a few dozen connections, and the code stays easy to follow.
 */
final class FaultProxy implements AutoCloseable {

	/** What the proxy does with one request. */
	enum Fault {

		/** Forward the request and the whole response. */
		PASS,

		/** Reset the connection before the request reaches the server. */
		RESET_BEFORE_REQUEST,

		/** Forward the request, then reset the connection instead of answering: the answer is lost. */
		RESET_AFTER_REQUEST,

		/** Forward the request and hold the response until the client gives up. */
		STALL_RESPONSE,

		/** Answer 429 with {@code Retry-After: 1} without forwarding. */
		RATE_LIMITED,

		/** Answer 503 without forwarding. */
		UNAVAILABLE,

		/** Forward the request, then send the response with half its body and close. */
		TRUNCATED_BODY

	}

	/**
	 * Chooses the fault of each request.
	 */
	@FunctionalInterface
	interface FaultPlan {

		/**
		 * Chooses what happens to a request.
		 * @param index the request's number, from 0, across all connections
		 * @param requestLine the request line, such as {@code POST /browser_pools/p/acquire HTTP/1.1}
		 * @return the fault
		 */
		Fault faultFor(int index, String requestLine);

	}

	private static final Duration MAX_STALL = Duration.ofSeconds(30);

	private final ServerSocket server;

	private final InetSocketAddress upstream;

	private volatile FaultPlan plan;

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicInteger connections = new AtomicInteger();

	private final AtomicLong clock = new AtomicLong();

	private final Map<Fault, AtomicInteger> injected = new EnumMap<>(Fault.class);

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private final java.util.Queue<Forwarded> forwarded = new java.util.concurrent.ConcurrentLinkedQueue<>();

	private final Thread acceptor;

	private FaultProxy(int upstreamPort, FaultPlan plan) throws IOException {
		this.server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
		this.upstream = new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort);
		this.plan = plan;
		for (Fault fault : Fault.values()) {
			this.injected.put(fault, new AtomicInteger());
		}
		this.acceptor = new Thread(this::accept, "fault-proxy-acceptor");
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	/**
	 * Starts a proxy in front of a server on loopback.
	 * @param upstreamPort the server's port
	 * @param plan the fault of each request
	 * @return the running proxy
	 * @throws IOException if no port could be bound
	 */
	static FaultProxy start(int upstreamPort, FaultPlan plan) throws IOException {
		return new FaultProxy(upstreamPort, plan);
	}

	/**
	 * A plan that injects the given fault into the given share of requests, chosen by a
	 * seeded generator so that runs repeat.
	 * @param share share of requests, 0 to 1, that get a fault
	 * @param seed seed of the choice
	 * @param faults the faults to choose among
	 * @return the plan
	 */
	static FaultPlan randomly(double share, long seed, Fault... faults) {
		java.util.Random random = new java.util.Random(seed);
		return (index, requestLine) -> {
			synchronized (random) {
				return (random.nextDouble() < share) ? faults[random.nextInt(faults.length)] : Fault.PASS;
			}
		};
	}

	/**
	 * A plan that passes every request whose line does not match, and applies the function's
	 * fault to those that do.
	 */
	static FaultPlan forRequests(String linePrefix, Function<Integer, Fault> faultOfMatch) {
		AtomicInteger matches = new AtomicInteger();
		return (index, requestLine) -> requestLine.startsWith(linePrefix)
				? faultOfMatch.apply(matches.getAndIncrement()) : Fault.PASS;
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getLocalPort();
	}

	void plan(FaultPlan plan) {
		this.plan = plan;
	}

	int injected(Fault fault) {
		return this.injected.get(fault).get();
	}

	int requests() {
		return this.requests.get();
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		for (Socket socket : this.open) {
			closeQuietly(socket);
		}
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				this.open.add(client);
				Thread handler = new Thread(() -> serve(client), "fault-proxy-" + this.connections.incrementAndGet());
				handler.setDaemon(true);
				handler.start();
			}
			catch (IOException ex) {
				// Closed: the proxy stops.
			}
		}
	}

	private void serve(Socket client) {
		Socket server = null;
		try (client) {
			InputStream fromClient = client.getInputStream();
			OutputStream toClient = client.getOutputStream();
			while (true) {
				HttpMessage request = HttpMessage.read(fromClient, true);
				if (request == null) {
					return;
				}
				Fault fault = this.plan.faultFor(this.requests.getAndIncrement(), request.startLine());
				this.injected.get(fault).incrementAndGet();
				switch (fault) {
					case RESET_BEFORE_REQUEST -> {
						reset(client);
						return;
					}
					case RATE_LIMITED -> canned(toClient, 429, "Too Many Requests", "Retry-After: 1\r\n",
							"{\"code\":\"rate_limited\",\"message\":\"injected by the fault proxy\"}");
					case UNAVAILABLE -> canned(toClient, 503, "Service Unavailable", "",
							"{\"code\":\"unavailable\",\"message\":\"injected by the fault proxy\"}");
					default -> {
						if (server == null || server.isClosed()) {
							server = connectUpstream();
						}
						long sentAt = this.clock.incrementAndGet();
						server.getOutputStream().write(request.bytes());
						server.getOutputStream().flush();
						HttpMessage response = HttpMessage.read(server.getInputStream(), !request.isHead());
						if (response == null) {
							return;
						}
						long answeredAt = this.clock.incrementAndGet();
						this.forwarded.add(new Forwarded(request.startLine(),
								new String(request.body(), StandardCharsets.UTF_8), response.status(),
								new String(response.body(), StandardCharsets.UTF_8), sentAt, answeredAt));
						if (response.status() == 101) {
							// A websocket upgrade (CDP): from now on the bytes pass through as they are.
							toClient.write(response.bytes());
							toClient.flush();
							pipe(client, server);
							return;
						}
						if (!respond(fault, client, toClient, response)) {
							return;
						}
						if (response.closes()) {
							closeQuietly(server);
							server = null;
						}
					}
				}
			}
		}
		catch (IOException ex) {
			// The client or the server went away: so does this connection.
		}
		finally {
			this.open.remove(client);
			if (server != null) {
				closeQuietly(server);
			}
		}
	}

	/** Answers with the response as the fault says; false when the connection must end. */
	private boolean respond(Fault fault, Socket client, OutputStream toClient, HttpMessage response)
			throws IOException {
		switch (fault) {
			case RESET_AFTER_REQUEST -> {
				reset(client);
				return false;
			}
			case STALL_RESPONSE -> {
				stall(client);
				return false;
			}
			case TRUNCATED_BODY -> {
				toClient.write(response.truncated());
				toClient.flush();
				return false;
			}
			default -> {
				toClient.write(response.bytes());
				toClient.flush();
				return true;
			}
		}
	}

	/**
	 * Returns every request that reached the server, with the status the server answered,
	 * whatever the client then saw of it.
	 */
	java.util.List<Forwarded> forwarded() {
		return java.util.List.copyOf(this.forwarded);
	}

	private static void pipe(Socket client, Socket server) throws IOException {
		Thread back = new Thread(() -> {
			try {
				server.getInputStream().transferTo(client.getOutputStream());
			}
			catch (IOException ex) {
				// Either side closed.
			}
			finally {
				closeQuietly(client);
			}
		}, "fault-proxy-websocket");
		back.setDaemon(true);
		back.start();
		try {
			client.getInputStream().transferTo(server.getOutputStream());
		}
		finally {
			closeQuietly(server);
		}
	}

	private Socket connectUpstream() throws IOException {
		Socket server = new Socket();
		server.connect(this.upstream, 5000);
		this.open.add(server);
		return server;
	}

	// Holds the answer back until the client closes the connection (its timeout) or the cap.
	private static void stall(Socket client) throws IOException {
		client.setSoTimeout((int) MAX_STALL.toMillis());
		try {
			while (client.getInputStream().read() != -1) {
				// Nothing the client sends now is answered.
			}
		}
		catch (SocketTimeoutException | SocketException ex) {
			// Cap reached or connection reset: end it.
		}
	}

	private static void canned(OutputStream toClient, int status, String reason, String extraHeaders, String body)
			throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		String head = "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: application/json\r\n" + extraHeaders
				+ "Content-Length: " + bytes.length + "\r\n\r\n";
		toClient.write(head.getBytes(StandardCharsets.US_ASCII));
		toClient.write(bytes);
		toClient.flush();
	}

	// A TCP reset rather than an orderly close: what a broken network looks like.
	private static void reset(Socket socket) throws IOException {
		socket.setSoLinger(true, 0);
		socket.close();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Closing anyway.
		}
	}

	/**
	 * A request that reached the server. {@code sentAt} and {@code answeredAt} are ticks of
	 * one clock shared by all connections: whatever the server did with the request, it did
	 * after {@code sentAt} and before {@code answeredAt}.
	 *
	 * @param requestLine its request line
	 * @param body its body
	 * @param status the status the server answered
	 * @param responseBody the body the server answered (raw chunks if it answered chunked)
	 * @param sentAt tick taken just before the request was sent to the server
	 * @param answeredAt tick taken just after the whole answer came back, before the client
	 * got any of it
	 */
	record Forwarded(String requestLine, String body, int status, String responseBody, long sentAt, long answeredAt) {

	}

	/**
	 * One HTTP/1.1 message as read off the wire: its head and body bytes, with the body framed
	 * by Content-Length or chunked encoding.
	 */
	private record HttpMessage(String startLine, byte[] head, byte[] body, Map<String, String> headers) {

		static HttpMessage read(InputStream in, boolean mayHaveBody) throws IOException {
			ByteArrayOutputStream head = new ByteArrayOutputStream();
			int matched = 0;
			int b;
			while (matched < 4 && (b = in.read()) != -1) {
				head.write(b);
				matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : ((b == '\r') ? 1 : 0);
			}
			if (matched < 4) {
				return null;
			}
			String text = head.toString(StandardCharsets.ISO_8859_1);
			String[] lines = text.split("\r\n");
			Map<String, String> headers = new ConcurrentHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				if (colon > 0) {
					headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
							lines[i].substring(colon + 1).trim());
				}
			}
			byte[] body = mayHaveBody && hasBody(lines[0]) ? readBody(in, headers) : new byte[0];
			return new HttpMessage(lines[0], head.toByteArray(), body, headers);
		}

		private static boolean hasBody(String startLine) {
			// Responses 1xx, 204 and 304 have none.
			return !(startLine.startsWith("HTTP/") && (startLine.contains(" 204") || startLine.contains(" 304")
					|| startLine.matches("HTTP/\\S+ 1\\d\\d.*")));
		}

		private static byte[] readBody(InputStream in, Map<String, String> headers) throws IOException {
			if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
				return readChunked(in);
			}
			String length = headers.get("content-length");
			return (length != null) ? in.readNBytes(Integer.parseInt(length)) : new byte[0];
		}

		private static byte[] readChunked(InputStream in) throws IOException {
			ByteArrayOutputStream raw = new ByteArrayOutputStream();
			while (true) {
				String sizeLine = readLine(in, raw);
				int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
				if (size == 0) {
					String trailer;
					do {
						trailer = readLine(in, raw);
					}
					while (!trailer.isEmpty());
					return raw.toByteArray();
				}
				byte[] chunk = in.readNBytes(size);
				if (chunk.length < size) {
					throw new EOFException("chunk cut short");
				}
				raw.write(chunk);
				readLine(in, raw);
			}
		}

		private static String readLine(InputStream in, ByteArrayOutputStream raw) throws IOException {
			StringBuilder line = new StringBuilder();
			int b;
			while ((b = in.read()) != -1) {
				raw.write(b);
				if (b == '\n') {
					break;
				}
				if (b != '\r') {
					line.append((char) b);
				}
			}
			if (b == -1) {
				throw new EOFException("connection closed inside a chunked body");
			}
			return line.toString();
		}

		int status() {
			String[] parts = this.startLine.split(" ");
			return (parts.length > 1 && parts[0].startsWith("HTTP/")) ? Integer.parseInt(parts[1]) : 0;
		}

		boolean isHead() {
			return this.startLine.startsWith("HEAD ");
		}

		boolean closes() {
			return "close".equalsIgnoreCase(this.headers.get("connection"));
		}

		byte[] bytes() {
			byte[] all = new byte[this.head.length + this.body.length];
			System.arraycopy(this.head, 0, all, 0, this.head.length);
			System.arraycopy(this.body, 0, all, this.head.length, this.body.length);
			return all;
		}

		byte[] truncated() {
			byte[] all = bytes();
			return java.util.Arrays.copyOf(all, this.head.length + this.body.length / 2);
		}

	}

}

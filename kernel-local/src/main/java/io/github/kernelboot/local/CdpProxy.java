package io.github.kernelboot.local;

import io.github.kernelboot.client.model.KernelError;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * The CDP websocket of {@code cdp_ws_url}: checks the session's token, then forwards frames
 * both ways between the client and the browser's own DevTools websocket. Each open
 * connection counts as activity for the session's idle timeout, and revoking the token
 * closes it.
 */
final class CdpProxy implements ApiRouter.Handler {

	/** Path of the proxy, followed by the session id. */
	static final String PATH_PREFIX = "/browser/cdp/";

	static final String ROUTE = PATH_PREFIX + "{session_id}";

	// CDP sends screenshots and whole documents in one message: far above Netty's 64 KiB.
	private static final int MAX_FRAME_PAYLOAD = 256 * 1024 * 1024;

	private static final Log logger = LogFactory.getLog(CdpProxy.class);

	private final SessionRegistry sessions;

	private final HttpClient upstream;

	CdpProxy(SessionRegistry sessions, HttpClient upstream) {
		this.sessions = sessions;
		this.upstream = upstream;
	}

	@Override
	public Mono<Void> handle(Exchange exchange) {
		String sessionId = exchange.pathVariable("session_id");
		String token = exchange.queryParameter("jwt");
		BrowserSession session = this.sessions.byId(sessionId).orElse(null);
		if (session == null || token == null || !session.accepts(token)) {
			return exchange.error(new ApiException(HttpResponseStatus.UNAUTHORIZED, "unauthorized",
					"Missing, invalid or expired CDP token for session '" + sessionId + "'"));
		}
		if (!"websocket".equalsIgnoreCase(exchange.request().requestHeaders().get(HttpHeaderNames.UPGRADE))) {
			return exchange.error(HttpResponseStatus.BAD_REQUEST,
					new KernelError("bad_request", "Expected a websocket upgrade for CDP", null, null));
		}
		return exchange.response()
			.sendWebsocket((in, out) -> proxy(session, token, in, out),
					WebsocketServerSpec.builder().maxFramePayloadLength(MAX_FRAME_PAYLOAD).build());
	}

	private Mono<Void> proxy(BrowserSession session, String token, WebsocketInbound in, WebsocketOutbound out) {
		Connection client = connectionOf(in);
		if (!session.attach(token, client)) {
			// Revoked between the check and the upgrade.
			return out.sendClose(4401, "token revoked");
		}
		client.onDispose(() -> session.detach(client));
		return this.upstream
			.websocket(WebsocketClientSpec.builder().maxFramePayloadLength(MAX_FRAME_PAYLOAD).build())
			.uri(session.browser().webSocketDebuggerUrl())
			.handle((browserIn, browserOut) -> Mono.firstWithSignal(
					browserOut.sendObject(in.receiveFrames().filter(CdpProxy::isData).map(WebSocketFrame::retain)).then(),
					out.sendObject(browserIn.receiveFrames().filter(CdpProxy::isData).map(WebSocketFrame::retain)).then()))
			.then()
			.doOnError((failure) -> logger.debug("CDP proxy of session " + session.id() + " ended: " + failure.getMessage()))
			.onErrorComplete()
			.doFinally((signal) -> client.dispose());
	}

	private static Connection connectionOf(WebsocketInbound in) {
		// withConnection calls back at once, on this thread.
		Connection[] connection = new Connection[1];
		in.withConnection((open) -> connection[0] = open);
		return connection[0];
	}

	private static boolean isData(WebSocketFrame frame) {
		return frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame
				|| frame instanceof ContinuationWebSocketFrame;
	}

}

package io.github.kernelboot.local;

import io.github.kernelboot.client.model.AcquireRequest;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.MonoSink;

/**
 * One parked acquire poll; its sink emits the poll itself once a browser is offered to it,
 * or nothing when the poll time passes. Its pool moves it through its states under the pool's lock, so
 * that a browser offered to a poll whose client just left is never lost: whoever sees the
 * poll gone first takes the browser back.
 */
final class PoolWaiter {

	enum State {

		/** In the queue. */
		WAITING,

		/** A browser was leased to it and is on its way to the client. */
		OFFERED,

		/** The browser reached the HTTP layer, which now owns the lease. */
		CLAIMED,

		/** Left the queue without a browser: timed out, cancelled or the pool was deleted. */
		GONE

	}

	private final AcquireRequest request;

	private final MonoSink<PoolWaiter> sink;

	private State state = State.WAITING;

	private @Nullable BrowserSession offered;

	PoolWaiter(AcquireRequest request, MonoSink<PoolWaiter> sink) {
		this.request = request;
		this.sink = sink;
	}

	AcquireRequest request() {
		return this.request;
	}

	MonoSink<PoolWaiter> sink() {
		return this.sink;
	}

	State state() {
		return this.state;
	}

	void offer(BrowserSession session) {
		this.state = State.OFFERED;
		this.offered = session;
	}

	BrowserSession leased() {
		BrowserSession session = this.offered;
		if (session == null) {
			throw new IllegalStateException("No browser was offered to this poll");
		}
		return session;
	}

	void claim() {
		this.state = State.CLAIMED;
	}

	void leave() {
		this.state = State.GONE;
	}

}

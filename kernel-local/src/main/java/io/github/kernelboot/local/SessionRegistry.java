package io.github.kernelboot.local;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.kernelboot.client.BrowserListQuery;

/**
 * The browser sessions the API shows: browsers created with {@code POST /browsers} and pool
 * browsers while they are leased, in the order they became visible; and the latest deleted
 * ones, for {@code status=deleted} and {@code include_deleted}.
 */
final class SessionRegistry {

	private static final int DELETED_KEPT = 1000;

	private final Map<String, BrowserSession> active = new LinkedHashMap<>();

	private final Deque<BrowserSession> deleted = new ArrayDeque<>();

	synchronized void add(BrowserSession session) {
		this.active.put(session.id(), session);
	}

	/**
	 * Hides a session that lives on (a pool browser given back for reuse).
	 * @param session the session
	 */
	synchronized void remove(BrowserSession session) {
		this.active.remove(session.id());
	}

	/**
	 * Moves a session that is being destroyed to the deleted ones.
	 * @param session the session
	 * @return whether it was active until now
	 */
	synchronized boolean retire(BrowserSession session) {
		if (this.active.remove(session.id()) == null) {
			return false;
		}
		session.markDeleted();
		this.deleted.addLast(session);
		if (this.deleted.size() > DELETED_KEPT) {
			this.deleted.removeFirst();
		}
		return true;
	}

	/**
	 * Finds an active session by id only.
	 * @param id the session id
	 * @return the session
	 */
	synchronized Optional<BrowserSession> byId(String id) {
		return Optional.ofNullable(this.active.get(id));
	}

	/**
	 * Finds a session by id, or else the newest one with that name.
	 * @param idOrName the id or name
	 * @param includeDeleted whether deleted sessions are searched too
	 * @return the session
	 */
	synchronized Optional<BrowserSession> find(String idOrName, boolean includeDeleted) {
		BrowserSession byId = this.active.get(idOrName);
		if (byId != null) {
			return Optional.of(byId);
		}
		List<BrowserSession> newestFirst = new ArrayList<>(this.active.values());
		Collections.reverse(newestFirst);
		if (includeDeleted) {
			this.deleted.descendingIterator().forEachRemaining(newestFirst::add);
		}
		return newestFirst.stream()
			.filter((session) -> session.id().equals(idOrName) || idOrName.equals(session.name()))
			.findFirst();
	}

	synchronized List<BrowserSession> list(BrowserListQuery.Status status) {
		List<BrowserSession> sessions = new ArrayList<>();
		if (status != BrowserListQuery.Status.DELETED) {
			sessions.addAll(this.active.values());
		}
		if (status != BrowserListQuery.Status.ACTIVE) {
			sessions.addAll(this.deleted);
		}
		return sessions;
	}

	synchronized List<BrowserSession> active() {
		return new ArrayList<>(this.active.values());
	}

}

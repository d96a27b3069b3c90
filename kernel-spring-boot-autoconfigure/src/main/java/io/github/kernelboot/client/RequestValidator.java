package io.github.kernelboot.client;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.kernelboot.client.model.AcquireRequest;
import io.github.kernelboot.client.model.BrowserPoolRequest;
import io.github.kernelboot.client.model.BrowserPoolUpdate;
import io.github.kernelboot.client.model.BrowserRequest;
import io.github.kernelboot.client.model.ExtensionSelection;
import io.github.kernelboot.client.model.ProfileSelection;
import io.github.kernelboot.client.model.ReleaseRequest;
import io.github.kernelboot.client.model.Viewport;
import org.jspecify.annotations.Nullable;

/**
 * The documented limits of the Kernel API, checked before a request is sent (and by
 * kernel-local when one arrives). Each check throws an {@link InvalidRequestException} that
 * names the offending field by its JSON path.
 */
public final class RequestValidator {

	/** Smallest idle timeout in seconds. */
	public static final int MIN_TIMEOUT_SECONDS = 10;

	/** Largest idle timeout in seconds (72 hours). */
	public static final int MAX_TIMEOUT_SECONDS = 259_200;

	/** Smallest viewport width. */
	public static final int MIN_VIEWPORT_WIDTH = 320;

	/** Largest viewport width. */
	public static final int MAX_VIEWPORT_WIDTH = 7680;

	/** Smallest viewport height. */
	public static final int MIN_VIEWPORT_HEIGHT = 240;

	/** Largest viewport height. */
	public static final int MAX_VIEWPORT_HEIGHT = 4320;

	/** Most extensions one browser or pool may load. */
	public static final int MAX_EXTENSIONS = 20;

	/** Most tags one browser may carry. */
	public static final int MAX_TAGS = 50;

	/** What profile and extension names may look like. */
	public static final Pattern NAME_PATTERN = Pattern.compile("^[a-zA-Z0-9._-]{1,255}$");

	private RequestValidator() {
	}

	/**
	 * Checks the body of {@code POST /browsers}.
	 * @param request the body
	 * @throws InvalidRequestException naming the first field that breaks a limit
	 */
	public static void validate(BrowserRequest request) {
		checkTimeout("timeout_seconds", request.timeoutSeconds());
		checkProfile(request.profile());
		checkExtensions(request.extensions());
		checkViewport(request.viewport());
		checkTags(request.tags());
	}

	/**
	 * Checks the body of {@code POST /browser_pools}: {@code size} is required.
	 * @param request the body
	 * @throws InvalidRequestException naming the first field that breaks a limit
	 */
	public static void validateCreate(BrowserPoolRequest request) {
		if (request.size() == null) {
			throw new InvalidRequestException("size", "is required to create a pool");
		}
		checkPoolConfig(request);
	}

	/**
	 * Checks the body of {@code PATCH /browser_pools/{id_or_name}}: every field is optional.
	 * @param update the body
	 * @throws InvalidRequestException naming the first field that breaks a limit
	 */
	public static void validate(BrowserPoolUpdate update) {
		checkPoolConfig(update.changes());
	}

	/**
	 * Checks the body of an acquire poll.
	 * @param request the body
	 * @throws InvalidRequestException naming the first field that breaks a limit
	 */
	public static void validate(AcquireRequest request) {
		Integer seconds = request.acquireTimeoutSeconds();
		if (seconds != null && seconds < 0) {
			throw new InvalidRequestException("acquire_timeout_seconds", "must not be negative (was " + seconds + ")");
		}
		checkTags(request.tags());
	}

	/**
	 * Checks the body of a release.
	 * @param request the body
	 * @throws InvalidRequestException naming the first field that breaks a limit
	 */
	public static void validate(ReleaseRequest request) {
		checkNotBlank("session_id", request.sessionId());
	}

	/**
	 * Checks a path parameter, such as a pool's id or name.
	 * @param name the parameter's name, such as {@code id_or_name}
	 * @param value its value
	 * @throws InvalidRequestException if the value is blank
	 */
	public static void checkNotBlank(String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidRequestException(name, "must not be blank");
		}
	}

	private static void checkPoolConfig(BrowserPoolRequest request) {
		if (request.name() != null) {
			checkNotBlank("name", request.name());
		}
		Integer size = request.size();
		if (size != null && size < 1) {
			throw new InvalidRequestException("size", "must be at least 1 (was " + size + ")");
		}
		Integer fillRate = request.fillRatePerMinute();
		if (fillRate != null && fillRate < 1) {
			throw new InvalidRequestException("fill_rate_per_minute", "must be at least 1 (was " + fillRate + ")");
		}
		checkTimeout("timeout_seconds", request.timeoutSeconds());
		checkProfile(request.profile());
		checkExtensions(request.extensions());
		checkViewport(request.viewport());
	}

	private static void checkTimeout(String field, @Nullable Integer seconds) {
		if (seconds != null && (seconds < MIN_TIMEOUT_SECONDS || seconds > MAX_TIMEOUT_SECONDS)) {
			throw new InvalidRequestException(field, "must be between " + MIN_TIMEOUT_SECONDS + " and "
					+ MAX_TIMEOUT_SECONDS + " seconds (was " + seconds + ")");
		}
	}

	private static void checkViewport(@Nullable Viewport viewport) {
		if (viewport == null) {
			return;
		}
		checkRange("viewport.width", viewport.width(), MIN_VIEWPORT_WIDTH, MAX_VIEWPORT_WIDTH);
		checkRange("viewport.height", viewport.height(), MIN_VIEWPORT_HEIGHT, MAX_VIEWPORT_HEIGHT);
		Integer refreshRate = viewport.refreshRate();
		if (refreshRate != null && refreshRate < 1) {
			throw new InvalidRequestException("viewport.refresh_rate", "must be positive (was " + refreshRate + ")");
		}
	}

	private static void checkRange(String field, int value, int min, int max) {
		if (value < min || value > max) {
			throw new InvalidRequestException(field, "must be between " + min + " and " + max + " (was " + value + ")");
		}
	}

	private static void checkProfile(@Nullable ProfileSelection profile) {
		if (profile != null) {
			checkIdOrName("profile", profile.id(), profile.name());
		}
	}

	private static void checkExtensions(@Nullable List<ExtensionSelection> extensions) {
		if (extensions == null) {
			return;
		}
		if (extensions.size() > MAX_EXTENSIONS) {
			throw new InvalidRequestException("extensions",
					"must hold at most " + MAX_EXTENSIONS + " entries (was " + extensions.size() + ")");
		}
		for (int i = 0; i < extensions.size(); i++) {
			ExtensionSelection extension = extensions.get(i);
			if (extension == null) {
				throw new InvalidRequestException("extensions[" + i + "]", "must not be null");
			}
			checkIdOrName("extensions[" + i + "]", extension.id(), extension.name());
		}
	}

	private static void checkIdOrName(String field, @Nullable String id, @Nullable String name) {
		if ((id == null) == (name == null)) {
			throw new InvalidRequestException(field, "must give exactly one of id and name");
		}
		if (id != null) {
			checkNotBlank(field + ".id", id);
		}
		if (name != null && !NAME_PATTERN.matcher(name).matches()) {
			throw new InvalidRequestException(field + ".name",
					"must be 1 to 255 letters, digits, dots, underscores or hyphens (was '" + name + "')");
		}
	}

	private static void checkTags(@Nullable Map<String, String> tags) {
		if (tags != null && tags.size() > MAX_TAGS) {
			throw new InvalidRequestException("tags", "must hold at most " + MAX_TAGS + " entries (was " + tags.size() + ")");
		}
	}

}

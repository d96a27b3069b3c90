package io.github.kernelboot.local;

import java.util.List;

import io.github.kernelboot.client.InvalidRequestException;
import io.github.kernelboot.client.model.BrowserPoolRequest;
import io.github.kernelboot.client.model.BrowserRequest;
import io.github.kernelboot.client.model.ExtensionSelection;
import io.github.kernelboot.client.model.ProfileSelection;
import org.jspecify.annotations.Nullable;

/**
 * What kernel-local refuses beyond the API's documented limits: references to profiles,
 * extensions and proxies, which the cloud stores and kernel-local has none of. The cloud
 * answers a reference to one it does not know with 400 as well.
 */
final class LocalLimits {

	private LocalLimits() {
	}

	static void check(BrowserRequest request) {
		check(request.profile(), request.extensions(), request.proxyId());
	}

	static void check(BrowserPoolRequest request) {
		check(request.profile(), request.extensions(), request.proxyId());
	}

	private static void check(@Nullable ProfileSelection profile, @Nullable List<ExtensionSelection> extensions,
			@Nullable String proxyId) {
		if (profile != null) {
			throw new InvalidRequestException("profile", "names a profile that does not exist (kernel-local has no profiles)");
		}
		if (extensions != null && !extensions.isEmpty()) {
			throw new InvalidRequestException("extensions[0]",
					"names an extension that does not exist (kernel-local has no extensions)");
		}
		if (proxyId != null) {
			throw new InvalidRequestException("proxy_id", "names a proxy that does not exist (kernel-local has no proxies)");
		}
	}

}

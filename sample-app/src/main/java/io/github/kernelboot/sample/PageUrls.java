package io.github.kernelboot.sample;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Checks the URLs the service is asked to render.
 */
final class PageUrls {

	private PageUrls() {
	}

	/**
	 * Parses a URL the service may render: absolute, http or https, with a host.
	 * @param url the URL as given
	 * @return the URL
	 * @throws InvalidPageUrlException naming what is wrong
	 */
	static URI parse(String url) {
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException ex) {
			throw new InvalidPageUrlException("url is not a valid URL: " + ex.getMessage());
		}
		if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
			throw new InvalidPageUrlException(
					"url must be an http or https URL (was '" + ((uri.getScheme() != null) ? uri.getScheme() + ":" : url)
							+ "')");
		}
		if (uri.getHost() == null || uri.getHost().isBlank()) {
			throw new InvalidPageUrlException("url must name a host (was '" + url + "')");
		}
		return uri;
	}

}

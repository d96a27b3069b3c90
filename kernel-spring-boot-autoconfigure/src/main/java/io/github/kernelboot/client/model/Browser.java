package io.github.kernelboot.client.model;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A browser session: the answer of create, retrieve, list and acquire.
 *
 * <p>{@code cdpWsUrl} (and the live-view URL) carry a {@code jwt} query parameter: it is a
 * credential. {@link #toString()} masks it; pass the URL itself only to a CDP client.
 *
 * @param sessionId unique id of the session
 * @param cdpWsUrl websocket URL for Chrome DevTools Protocol connections, with its {@code jwt}
 * @param webdriverWsUrl WebDriver BiDi websocket URL, sent by newer servers
 * @param browserLiveViewUrl live-view URL, for headful browsers only
 * @param createdAt when the session was created
 * @param headless whether the browser runs headless
 * @param stealth whether the browser runs in stealth mode
 * @param timeoutSeconds seconds without CDP or live-view activity before the browser is destroyed
 * @param baseUrl base URL of the browser's own services, when the server sends it
 * @param name name given to the session
 * @param pool pool the browser was acquired from
 * @param profile profile loaded into the browser
 * @param proxyId proxy the browser's traffic goes through
 * @param startUrl URL the browser opened at start
 * @param tags tags of the session
 * @param viewport window size
 * @param kioskMode whether the browser runs in kiosk mode
 * @param deletedAt when the session was deleted, for deleted sessions only
 * @param usage usage figures
 * @param persistence deprecated persistence settings
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Browser(String sessionId, String cdpWsUrl, @Nullable String webdriverWsUrl,
		@Nullable String browserLiveViewUrl, @Nullable OffsetDateTime createdAt, @JsonSetter(nulls = Nulls.AS_EMPTY) boolean headless,
		@JsonSetter(nulls = Nulls.AS_EMPTY) boolean stealth, @JsonSetter(nulls = Nulls.AS_EMPTY) int timeoutSeconds, @Nullable String baseUrl, @Nullable String name, @Nullable PoolReference pool,
		@Nullable Profile profile, @Nullable String proxyId, @Nullable String startUrl,
		@Nullable Map<String, String> tags, @Nullable Viewport viewport, @Nullable Boolean kioskMode,
		@Nullable OffsetDateTime deletedAt, @Nullable Usage usage, @Deprecated @Nullable Persistence persistence) {

	@Override
	public String toString() {
		return "Browser[sessionId=" + this.sessionId + ", cdpWsUrl=" + Secrets.mask(this.cdpWsUrl)
				+ ", webdriverWsUrl=" + Secrets.mask(this.webdriverWsUrl) + ", browserLiveViewUrl="
				+ Secrets.mask(this.browserLiveViewUrl) + ", createdAt=" + this.createdAt + ", headless="
				+ this.headless + ", stealth=" + this.stealth + ", timeoutSeconds=" + this.timeoutSeconds
				+ ", name=" + this.name + ", pool=" + this.pool + ", profile=" + this.profile + ", proxyId="
				+ this.proxyId + ", startUrl=" + this.startUrl + ", tags=" + this.tags + ", viewport="
				+ this.viewport + ", kioskMode=" + this.kioskMode + ", deletedAt=" + this.deletedAt + "]";
	}

}

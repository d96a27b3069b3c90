package io.github.kernelboot.local.browser;

import java.nio.file.Path;

import io.github.kernelboot.client.model.Viewport;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link BrowserLauncher} starts.
 *
 * @param directory fresh, empty directory that belongs to this browser alone (profile, logs);
 * the server deletes it after {@link LaunchedBrowser#destroy()}
 * @param headless whether a headless browser was asked for (kernel-local has no display: a
 * launcher may run headless anyway)
 * @param stealth whether to hide the signs of automation
 * @param kioskMode whether to run in kiosk mode
 * @param viewport window size, or {@code null} for the browser's default
 * @param startUrl page to open, or {@code null} for a blank page
 */
public record LaunchSpec(Path directory, boolean headless, boolean stealth, boolean kioskMode,
		@Nullable Viewport viewport, @Nullable String startUrl) {

}

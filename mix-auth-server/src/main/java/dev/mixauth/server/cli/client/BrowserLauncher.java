package dev.mixauth.server.cli.client;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Opens a URL in the user's browser with {@code open} on macOS or {@code xdg-open} elsewhere, and
 * only when a display is available. java.awt.Desktop is not used: it is missing on headless
 * servers and loads AWT into a command line tool.
 *
 * <p>NOTE: no test starts a launcher, because tests must not open a browser. They pass
 * --no-browser and run without DISPLAY.
 */
final class BrowserLauncher {
  private BrowserLauncher() {}

  /** Returns whether the URL was handed to a browser launcher; false when there is none to use. */
  static boolean open(String url, Map<String, String> environment) {
    Optional<String> launcher = launcher(environment);
    if (launcher.isEmpty()) {
      return false;
    }
    try {
      new ProcessBuilder(launcher.get(), url)
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Returns the launcher to use: {@code open} on macOS, {@code xdg-open} with DISPLAY or WAYLAND_DISPLAY set. */
  static Optional<String> launcher(Map<String, String> environment) {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.contains("mac")) {
      return onPath("open", environment);
    }
    boolean display = isSet(environment.get("DISPLAY")) || isSet(environment.get("WAYLAND_DISPLAY"));
    return display ? onPath("xdg-open", environment) : Optional.empty();
  }

  private static Optional<String> onPath(String program, Map<String, String> environment) {
    String path = environment.getOrDefault("PATH", "");
    for (String directory : path.split(File.pathSeparator)) {
      if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, program))) {
        return Optional.of(Path.of(directory, program).toString());
      }
    }
    return Optional.empty();
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }
}

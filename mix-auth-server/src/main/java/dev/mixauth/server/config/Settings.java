package dev.mixauth.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Typed reads of {@code MIX_AUTH_*} environment variables, with messages that name the variable. */
final class Settings {
  private final Map<String, String> environment;

  Settings(Map<String, String> environment) {
    this.environment = environment;
  }

  Optional<String> string(String name) {
    String value = environment.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  String string(String name, String fallback) {
    return string(name).orElse(fallback);
  }

  URI url(String name, String fallback) {
    String value = string(name, fallback);
    try {
      URI uri = new URI(value);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new ConfigException(name + " must be an http or https URL with a host, got \"" + value + "\".");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new ConfigException(name + " is not a valid URL (\"" + value + "\"): " + e.getReason() + ".");
    }
  }

  int port(String name, int fallback) {
    Optional<String> value = string(name);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      int port = Integer.parseInt(value.get());
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " must be a port number from 0 to 65535, got \"" + value.get() + "\".");
    }
  }

  Duration millis(String name, Duration fallback) {
    Optional<String> value = string(name);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      long millis = Long.parseLong(value.get());
      if (millis <= 0) {
        throw new NumberFormatException();
      }
      return Duration.ofMillis(millis);
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " must be a positive number of milliseconds, got \"" + value.get() + "\".");
    }
  }

  boolean enabled(String name, boolean fallback) {
    Optional<String> value = string(name);
    if (value.isEmpty()) {
      return fallback;
    }
    switch (value.get().toLowerCase(Locale.ROOT)) {
      case "enabled", "true", "on", "1", "yes":
        return true;
      case "disabled", "false", "off", "0", "no":
        return false;
      default:
        throw new ConfigException(name + " must be \"enabled\" or \"disabled\", got \"" + value.get() + "\".");
    }
  }

  <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) {
    Optional<String> value = string(name);
    if (value.isEmpty()) {
      return fallback;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(value.get())) {
        return constant;
      }
    }
    throw new ConfigException(
        name + " must be one of "
            + Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList()
            + ", got \"" + value.get() + "\".");
  }

  List<String> list(String name) {
    return string(name)
        .map(value -> Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
        .orElse(List.of());
  }

  Optional<Path> path(String name) {
    return string(name).map(Path::of);
  }
}

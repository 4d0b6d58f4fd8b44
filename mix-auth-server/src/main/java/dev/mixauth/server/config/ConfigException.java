package dev.mixauth.server.config;

/** A setting is missing or invalid; the message names the setting and the fix. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}

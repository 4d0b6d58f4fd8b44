package dev.mixauth.server.cli.client;

import dev.mixauth.sdk.Mix;
import dev.mixauth.sdk.RetryConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options that every client command shares: {@code --server}, {@code --help}, and the API
 * token that {@code MIX_AUTH_API_TOKEN} supplies. Builds the SDK client that the command talks
 * through.
 */
public final class ServerOptions {
  static final String DEFAULT_SERVER_URL = "http://127.0.0.1:8088";
  static final String API_TOKEN_VARIABLE = "MIX_AUTH_API_TOKEN";

  @Spec(Spec.Target.MIXEE)
  private CommandSpec mixee;

  @Option(
      names = "--server",
      paramLabel = "URL",
      defaultValue = "${env:MIX_AUTH_SERVER:-" + DEFAULT_SERVER_URL + "}",
      description = "Base URL of the mix-auth server (default: MIX_AUTH_SERVER, else " + DEFAULT_SERVER_URL + ").")
  private String serverUrl;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  private boolean help;

  /** Returns the server URL that the command talks to. */
  public String serverUrl() {
    return serverUrl;
  }

  /**
   * Builds a client for the server URL. It sends every request once, so an absent server is
   * reported at once instead of after the SDK's default ten minutes of retries.
   *
   * @throws ParameterException when the URL is not an absolute http or https URL
   */
  public Mix connect() {
    Mix.Builder builder = Mix.builder().retryConfig(RetryConfig.none());
    try {
      builder.serverUrl(serverUrl);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(mixee.commandLine(), "Invalid --server URL '" + serverUrl
          + "': expected an http or https URL with a host, such as " + DEFAULT_SERVER_URL + ".");
    }

    String token = System.getenv(API_TOKEN_VARIABLE);
    if (token != null && !token.isBlank()) {
      try {
        builder.header("Authorization", "Bearer " + token.strip());
      } catch (IllegalArgumentException e) {
        // The value is a secret, so the message names only the variable.
        throw new ParameterException(mixee.commandLine(), API_TOKEN_VARIABLE
            + " contains characters that an HTTP header cannot carry, such as a line break; set it to the"
            + " token alone.");
      }
    }
    return builder.build();
  }
}

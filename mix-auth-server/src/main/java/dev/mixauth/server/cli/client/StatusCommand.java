package dev.mixauth.server.cli.client;

import dev.mixauth.sdk.Mix;
import dev.mixauth.sdk.models.AuthMethod;
import dev.mixauth.sdk.models.GetAuthStatusResponse;
import dev.mixauth.sdk.models.ProviderStatus;
import dev.mixauth.server.cli.client.Table.Cell;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mix-auth status}: which providers are ready, and with which credential. */
@Command(
    name = "status",
    description = {
      "Shows whether each provider is authenticated, and with which credential.",
      "",
      "For every provider the server supports: the credential in use (oauth, api_key or none), where it"
          + " comes from (stored, or the server's environment), and the key hint or the token expiry. Keys"
          + " are shown only as the server's hint, such as sk-or-v1-…a9F2."
    })
public final class StatusCommand implements Callable<Integer> {
  @Mixin private ServerOptions server;
  @Spec private CommandSpec spec;

  @Option(names = "--json", description = "Print the server's status body as JSON instead of a table.")
  private boolean json;

  @Override
  public Integer call() {
    GetAuthStatusResponse status;
    try (Mix mix = server.connect()) {
      status = mix.authentication().getAuthStatus();
    }

    Output output = Output.of(spec);
    if (json) {
      JsonOutput.print(output, status);
      return ExitCodes.OK;
    }

    Instant now = Instant.now();
    Table table = new Table("PROVIDER", "AUTHENTICATED", "METHOD", "SOURCE", "DETAIL");
    for (Map.Entry<String, ProviderStatus> entry : status.providers().entrySet()) {
      ProviderStatus provider = entry.getValue();
      table.add(
          Cell.plain(entry.getKey()),
          provider.authenticated() ? new Cell("yes", output::green) : new Cell("no", output::red),
          Cell.plain(provider.authMethod().value()),
          Cell.plain(provider.source() == null ? "-" : provider.source()),
          Cell.plain(detail(provider, now)));
    }
    table.print(output);
    return ExitCodes.OK;
  }

  private static String detail(ProviderStatus provider, Instant now) {
    if (provider.authMethod() == AuthMethod.OAUTH && provider.expiresAt() != null) {
      return "token " + Times.expiry(provider.expiresAt(), now);
    }
    if (provider.keyHint() != null) {
      return "key " + provider.keyHint();
    }
    return "";
  }
}

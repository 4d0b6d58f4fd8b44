package dev.mixauth.server.cli.client;

import dev.mixauth.sdk.Mix;
import dev.mixauth.sdk.models.AuthMethod;
import dev.mixauth.sdk.models.GetAuthStatusResponse;
import dev.mixauth.sdk.models.ProviderStatus;
import dev.mixauth.server.cli.client.Table.Cell;
import java.time.Instant;
import java.util.Map;
import picocli.CommandLine.Command;

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
public final class StatusCommand extends ReportCommand<GetAuthStatusResponse> {
  @Override
  GetAuthStatusResponse fetch(Mix mix) {
    return mix.authentication().getAuthStatus();
  }

  @Override
  void printText(Output output, GetAuthStatusResponse response) {
    Instant now = Instant.now();
    Table table = new Table("PROVIDER", "AUTHENTICATED", "METHOD", "SOURCE", "DETAIL");
    for (Map.Entry<String, ProviderStatus> entry : response.providers().entrySet()) {
      ProviderStatus provider = entry.getValue();
      table.add(
          Cell.plain(entry.getKey()),
          provider.authenticated() ? new Cell("yes", output::green) : new Cell("no", output::red),
          Cell.plain(provider.authMethod().value()),
          Cell.plain(provider.source() == null ? "-" : provider.source()),
          Cell.plain(detail(provider, now)));
    }
    table.print(output);
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

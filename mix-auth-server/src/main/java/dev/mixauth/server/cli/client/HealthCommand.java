package dev.mixauth.server.cli.client;

import dev.mixauth.sdk.Mix;
import dev.mixauth.sdk.models.OAuthHealthResponse;
import dev.mixauth.sdk.models.OAuthProviderHealth;
import dev.mixauth.server.cli.client.Table.Cell;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;

/** {@code mix-auth health}: the health of the stored OAuth tokens. */
@Command(
    name = "health",
    description = {
      "Shows the health of the stored OAuth tokens.",
      "",
      "Overall: healthy (every token valid for more than 5 minutes), degraded (a token close to"
          + " expiry, or expired but refreshable) or unhealthy (a token expired with no way to"
          + " refresh). Exits with 1 when unhealthy, else 0. A provider with OAuth sign-in but no"
          + " token shows not_found."
    })
public final class HealthCommand extends ReportCommand<OAuthHealthResponse> {
  @Override
  OAuthHealthResponse fetch(Mix mix) {
    return mix.authentication().getOAuthHealth();
  }

  @Override
  void printText(Output output, OAuthHealthResponse response) {
    output.println("OAuth tokens: " + overallStyle(output, response.status()).apply(response.status()));
    Table table = new Table("PROVIDER", "STATUS", "ACCESS TOKEN", "LAST REFRESH", "ERROR");
    for (OAuthProviderHealth provider : response.providers().values()) {
      table.add(
          Cell.plain(provider.provider()),
          new Cell(provider.status(), providerStyle(output, provider.status())),
          Cell.plain(provider.expiresAt() == null ? "-" : Times.expiry(provider.expiresAt(), response.timestamp())),
          Cell.plain(provider.lastRefresh() == null ? "-" : provider.lastRefresh().toString()),
          Cell.plain(provider.error()));
    }
    table.print(output);
  }

  @Override
  int exitCode(OAuthHealthResponse response) {
    return response.status().equals("unhealthy") ? ExitCodes.FAILED : ExitCodes.OK;
  }

  private static UnaryOperator<String> overallStyle(Output output, String status) {
    return switch (status) {
      case "healthy" -> output::green;
      case "degraded" -> output::yellow;
      default -> output::red;
    };
  }

  private static UnaryOperator<String> providerStyle(Output output, String status) {
    return switch (status) {
      case "active" -> output::green;
      case "expired", "error" -> output::yellow;
      case "expired_no_refresh" -> output::red;
      default -> UnaryOperator.identity();
    };
  }
}

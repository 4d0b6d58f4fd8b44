package dev.mixauth.server.cli.client;

import dev.mixauth.sdk.Mix;
import dev.mixauth.sdk.models.ValidatePreferredProviderResponse;
import picocli.CommandLine.Command;

/** {@code mix-auth validate}: whether the preferred provider can be used now. */
@Command(
    name = "validate",
    description = {
      "Checks that the preferred provider can be used now.",
      "",
      "Prints the server's message on the preferred provider (see mix-auth prefs), and exits with 0"
          + " when it has a usable credential and 1 when it has none, so a script can run it before"
          + " starting an agent."
    })
public final class ValidateCommand extends ReportCommand<ValidatePreferredProviderResponse> {
  /** The providers with an OAuth sign-in; the others only take API keys. */
  private static final java.util.Set<String> OAUTH_PROVIDERS = java.util.Set.of("anthropic", "openai");

  @Override
  ValidatePreferredProviderResponse fetch(Mix mix) {
    return mix.authentication().validatePreferredProvider();
  }

  @Override
  void printText(Output output, ValidatePreferredProviderResponse response) {
    output.println(response.message());
    if (!response.valid()) {
      String provider = response.provider();
      String signIn = OAUTH_PROVIDERS.contains(provider) ? ", sign in with mix-auth login " + provider : "";
      output.note("Store a key with mix-auth set-key " + provider + signIn
          + ", or pick another provider with mix-auth prefs set --provider ID.");
    }
  }

  @Override
  int exitCode(ValidatePreferredProviderResponse response) {
    return response.valid() ? ExitCodes.OK : ExitCodes.FAILED;
  }
}

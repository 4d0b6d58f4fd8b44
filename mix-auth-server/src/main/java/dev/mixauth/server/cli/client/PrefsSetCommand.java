package dev.mixauth.server.cli.client;

import dev.mixauth.sdk.Mix;
import dev.mixauth.sdk.models.UpdatePreferencesRequest;
import dev.mixauth.sdk.models.UserPreferences;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mix-auth prefs set --provider ID}: changes the preferred provider. */
@Command(
    name = "set",
    description = {
      "Sets the preferred provider.",
      "",
      "The preferred provider is the one that agents use by default and that mix-auth validate"
          + " checks. The other preferences keep their values. The server rejects an unknown"
          + " provider id."
    })
public final class PrefsSetCommand implements Callable<Integer> {
  @Mixin private ServerOptions server;
  @Spec private CommandSpec spec;

  @Option(names = "--provider", paramLabel = "ID", required = true,
      description = "Preferred provider: anthropic, openai or openrouter.")
  private String provider;

  @Override
  public Integer call() {
    UserPreferences stored;
    try (Mix mix = server.connect()) {
      stored = mix.preferences().updatePreferences(
          UpdatePreferencesRequest.builder().preferredProvider(provider).build());
    }
    Output.of(spec).println("The preferred provider is now " + stored.preferredProvider() + ".");
    return ExitCodes.OK;
  }
}

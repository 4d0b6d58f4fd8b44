package dev.mixauth.server.cli.client;

import dev.mixauth.sdk.Mix;
import dev.mixauth.sdk.models.DeleteCredentialsResponse;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mix-auth logout PROVIDER}: deletes the stored API key and OAuth tokens of one provider. */
@Command(
    name = "logout",
    description = {
      "Deletes the stored API key and OAuth tokens of a provider.",
      "",
      "An API key from the server's environment (such as OPENROUTER_API_KEY) stays in use until the"
          + " server is restarted without it."
    })
public final class LogoutCommand implements Callable<Integer> {
  @Mixin private ServerOptions server;
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PROVIDER", description = "anthropic, openai or openrouter.")
  private String provider;

  @Override
  public Integer call() {
    DeleteCredentialsResponse deleted;
    try (Mix mix = server.connect()) {
      deleted = mix.authentication().deleteCredentials(provider);
    }
    Output.of(spec).println(deleted.message());
    return ExitCodes.OK;
  }
}

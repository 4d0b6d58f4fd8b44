package dev.mixauth.server.cli.client;

import dev.mixauth.sdk.Mix;
import dev.mixauth.sdk.models.ValidatePreferredProviderResponse;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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
public final class ValidateCommand implements Callable<Integer> {
  @Mixin private ServerOptions server;
  @Spec private CommandSpec spec;

  @Option(names = "--json", description = "Print the server's validation body as JSON.")
  private boolean json;

  @Override
  public Integer call() {
    ValidatePreferredProviderResponse validation;
    try (Mix mix = server.connect()) {
      validation = mix.authentication().validatePreferredProvider();
    }

    Output output = Output.of(spec);
    if (json) {
      JsonOutput.print(output, validation);
    } else {
      output.println(validation.message());
      if (!validation.valid()) {
        output.note("Store a key with mix-auth set-key " + validation.provider() + ", sign in with mix-auth login "
            + validation.provider() + ", or pick another provider with mix-auth prefs set --provider ID.");
      }
    }
    return validation.valid() ? ExitCodes.OK : ExitCodes.FAILED;
  }
}

package dev.mixauth.server.cli.client;

import dev.mixauth.sdk.Mix;
import dev.mixauth.sdk.models.Provider;
import dev.mixauth.sdk.models.StoreApiKeyResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code mix-auth set-key PROVIDER}: stores an API key read from standard input or a hidden prompt. */
@Command(
    name = "set-key",
    description = {
      "Stores an API key for a provider.",
      "",
      "The key is read from standard input when it is piped, otherwise from a prompt that does not"
          + " echo it:",
      "  printf '%%s' \"$KEY\" | mix-auth set-key openrouter",
      "  mix-auth set-key openrouter",
      "",
      "A key given as an argument is rejected, because it would be visible to other users in the"
          + " process list and stay in the shell history. The server checks the key's format and"
          + " prints its hint."
    })
public final class SetKeyCommand implements Callable<Integer> {
  @Mixin private ServerOptions server;
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PROVIDER", description = "anthropic, openai or openrouter.")
  private String provider;

  // Collects every other argument, so that a key typed on the command line is rejected without
  // picocli printing it back in an "Unmatched argument" message.
  @Unmatched private List<String> extraArguments = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    if (!extraArguments.isEmpty()) {
      throw new ParameterException(spec.commandLine(), keyArgumentMessage());
    }
    Provider target = ProviderIds.find(provider).orElseThrow(() -> new ParameterException(spec.commandLine(),
        "Unknown provider " + ProviderIds.quoteIfId(provider) + "; expected one of " + ProviderIds.known() + "."));

    Output output = Output.of(spec);
    String key;
    try {
      key = SecretInput.readAll(provider + " API key (input is hidden): ");
    } catch (SecretInput.InputTooLongException e) {
      output.error("standard input is longer than " + SecretInput.MAX_BYTES
          + " bytes, which is no API key; pipe only the key: printf '%s' \"$KEY\" | mix-auth set-key " + provider);
      return ExitCodes.FAILED;
    }
    if (key.isEmpty()) {
      output.error("no API key was entered; type it at the prompt, or pipe it: printf '%s' \"$KEY\" | mix-auth"
          + " set-key " + provider);
      return ExitCodes.FAILED;
    }

    StoreApiKeyResponse stored;
    try (Mix mix = server.connect()) {
      stored = mix.authentication().storeApiKey(key, target);
    }
    output.println(stored.message());
    return ExitCodes.OK;
  }

  private String keyArgumentMessage() {
    String example = ProviderIds.find(provider).isPresent() ? provider : "PROVIDER";
    return "set-key takes only PROVIDER; the other arguments were rejected and not shown, because a key on the"
        + " command line is visible to other users in the process list and stays in the shell history."
        + " Pipe the key instead: printf '%s' \"$KEY\" | mix-auth set-key " + example
        + ", or run mix-auth set-key " + example + " to type it at a hidden prompt.";
  }
}

package dev.mixauth.server.cli;

import dev.mixauth.fakes.FakeProvidersMain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code mix-auth fake-provider}: runs the fake providers for demos on a loopback port. */
@Command(
    name = "fake-provider",
    description = {
      "Runs fake Anthropic, OpenAI and OpenRouter endpoints on 127.0.0.1 for demos and tests.",
      "They check PKCE, reject reused codes and rotate refresh tokens like the real ones,",
      "but accept no real credentials. Never point a production server at them.",
      "",
      "Options: --port N (default 8089), --accept-key PROVIDER=KEY (repeatable), --help.",
      "It prints the MIX_AUTH_* settings that point a server at it."
    })
final class FakeProviderCommand implements Callable<Integer> {

  @Unmatched private List<String> arguments = new ArrayList<>();

  @Override
  public Integer call() throws InterruptedException {
    FakeProvidersMain.main(arguments.toArray(String[]::new));
    return 0;
  }
}

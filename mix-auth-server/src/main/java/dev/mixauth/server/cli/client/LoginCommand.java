package dev.mixauth.server.cli.client;

import dev.mixauth.sdk.Mix;
import dev.mixauth.sdk.models.HandleOAuthCallbackResponse;
import dev.mixauth.sdk.models.StartOAuthFlowResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mix-auth login PROVIDER}: signs in to a provider with OAuth through the server. */
@Command(
    name = "login",
    description = {
      "Signs in to a provider with OAuth.",
      "",
      "Starts the sign-in on the server, prints the sign-in URL and opens it in a browser when a"
          + " display is available. Then:",
      "  anthropic  paste the code that the page shows after you sign in (code#state),",
      "             or the page's whole URL. The input is hidden on a terminal and",
      "             can be piped.",
      "  openai     the browser returns to the server's localhost callback, and this",
      "             command waits up to 10 minutes for it. On a machine without a",
      "             browser, sign in elsewhere and paste the URL the browser ends on.",
      "",
      "Ctrl-C cancels. An unfinished sign-in expires on the server after 10 minutes."
    })
public final class LoginCommand implements Callable<Integer> {
  /** How long the OpenAI sign-in waits; the server drops a pending sign-in after the same time. */
  static final Duration CALLBACK_TIMEOUT = Duration.ofMinutes(10);

  @Mixin private ServerOptions server;
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PROVIDER", description = "anthropic or openai.")
  private String provider;

  @Option(names = "--no-browser", description = "Print the sign-in URL without opening a browser.")
  private boolean noBrowser;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Output output = Output.of(spec);
    try (Mix mix = server.connect()) {
      StartOAuthFlowResponse started = mix.authentication().startOAuthFlow(provider);
      showUrl(output, started.authUrl());

      try (CancelHook cancel = CancelHook.install("sign-in to " + provider + " cancelled.")) {
        if (provider.equals("openai")) {
          return new CallbackLogin(mix, output, provider, started.state()).await(CALLBACK_TIMEOUT);
        }
        return new PasteLogin(mix, output, provider, started.state()).complete();
      }
    }
  }

  private void showUrl(Output output, String authUrl) {
    boolean opened = !noBrowser && BrowserLauncher.open(authUrl, System.getenv());
    output.note(opened
        ? "Opened the sign-in page in your browser. If it did not appear, open this URL:"
        : "Open this URL in a browser to sign in:");
    output.println(authUrl);
  }

  /** Prints the server's success message and when the new access token expires. */
  static void printSignedIn(Output output, HandleOAuthCallbackResponse done) {
    String expiry = done.expiresIn() > 0
        ? " The access token expires in " + Times.shortDuration(Duration.ofSeconds(done.expiresIn())) + "."
        : "";
    output.println(done.message() + expiry);
  }
}

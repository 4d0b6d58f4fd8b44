package dev.mixauth.server.cli.client;

import dev.mixauth.sdk.Mix;
import dev.mixauth.sdk.models.HandleOAuthCallbackResponse;
import java.io.IOException;

/** Completes a sign-in whose provider shows the code on a page for the user to paste, as Anthropic does. */
record PasteLogin(Mix mix, Output output, String provider, String state) {

  /** Reads the pasted code and sends it with the flow's state; the server accepts a whole URL too. */
  int complete() throws IOException {
    output.note("After you sign in, the page shows a code (code#state).");
    String prompt = "Paste the code or the page's URL and press Enter"
        + (SecretInput.hasTerminal() ? " (input is hidden): " : ":");
    if (!SecretInput.hasTerminal()) {
      output.note(prompt);
    }

    String pasted = SecretInput.readLine(prompt);
    if (pasted == null || pasted.isEmpty()) {
      output.error("no code was entered, so the sign-in was not completed; run mix-auth login " + provider
          + " to start again.");
      return ExitCodes.FAILED;
    }

    HandleOAuthCallbackResponse done = mix.authentication().handleOAuthCallback(pasted, provider, state);
    LoginCommand.printSignedIn(output, done);
    return ExitCodes.OK;
  }

  /** Leaves out the state, which completes the sign-in. */
  @Override
  public String toString() {
    return "PasteLogin[provider=" + provider + "]";
  }
}

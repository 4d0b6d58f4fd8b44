package dev.mixauth.server.cli.client;

import dev.mixauth.sdk.Mix;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A client command that reads one response from the server and prints it as text, or with
 * {@code --json} as the response body.
 *
 * @param <T> the SDK response type
 */
abstract class ReportCommand<T> implements Callable<Integer> {
  @Mixin private ServerOptions server;
  @Spec private CommandSpec spec;

  @Option(names = "--json", description = "Print the server's response body as JSON instead of text.")
  private boolean json;

  /** Sends the command's request. */
  abstract T fetch(Mix mix);

  /** Prints the response for people. */
  abstract void printText(Output output, T response);

  /** Returns the exit code for the response: 0 unless the command documents otherwise. */
  int exitCode(T response) {
    return ExitCodes.OK;
  }

  @Override
  public Integer call() {
    T response;
    try (Mix mix = server.connect()) {
      response = fetch(mix);
    }

    Output output = Output.of(spec);
    if (json) {
      JsonOutput.print(output, response);
    } else {
      printText(output, response);
    }
    return exitCode(response);
  }
}

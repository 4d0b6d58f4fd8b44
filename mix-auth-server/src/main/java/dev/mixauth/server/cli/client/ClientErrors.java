package dev.mixauth.server.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixauth.sdk.errors.ErrorResponse;
import dev.mixauth.sdk.errors.MixConnectionException;
import dev.mixauth.sdk.errors.MixDefaultError;
import dev.mixauth.sdk.errors.MixException;
import dev.mixauth.sdk.errors.MixInterruptedException;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns the SDK exceptions that a client command throws into one line on standard error and an
 * exit code: 3 when no server could be reached, 1 for a server error or an unexpected response. Any other
 * exception is a bug and keeps picocli's stack trace.
 */
public final class ClientErrors implements IExecutionExceptionHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult)
      throws Exception {
    if (!(exception instanceof MixException failure)) {
      throw exception;
    }

    PrintWriter err = commandLine.getErr();
    if (failure instanceof MixConnectionException) {
      err.println("mix-auth: could not connect to a server at " + serverUrl(commandLine)
          + "; start one with ./mix-auth serve, or pass --server URL.");
      err.flush();
      return ExitCodes.NO_SERVER;
    }
    if (failure instanceof MixInterruptedException) {
      return ExitCodes.CANCELLED;
    }

    err.println("mix-auth: " + message(failure));
    err.flush();
    return ExitCodes.FAILED;
  }

  /**
   * Returns the server's {@code error.message} when the response carried the error envelope, else
   * the SDK's message, which names the operation and the status.
   */
  static String message(MixException failure) {
    if (failure instanceof ErrorResponse response && response.error() != null) {
      return response.error().message();
    }
    if (failure instanceof MixDefaultError) {
      String fromBody = envelopeMessage(failure.body());
      if (fromBody != null) {
        return fromBody;
      }
    }
    return failure.getMessage();
  }

  private static String envelopeMessage(String body) {
    try {
      JsonNode message = JSON.readTree(body).path("error").path("message");
      return message.isTextual() && !message.asText().isBlank() ? message.asText() : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static String serverUrl(CommandLine commandLine) {
    for (Object mixin : commandLine.getMixins().values()) {
      if (mixin instanceof ServerOptions options) {
        return options.serverUrl();
      }
    }
    return "the --server URL";
  }
}

package dev.mixauth.server.cli.client;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a secret, such as an API key or an authorization code, without ever echoing it: at a
 * hidden prompt when the JVM has a terminal, else from standard input.
 *
 * <p>NOTE: Java 17 has a console only when both standard input and standard output are terminals.
 * With standard output redirected, a key typed at the terminal is read from standard input, so the
 * terminal echoes it. Pipe the key in that case.
 */
final class SecretInput {
  /** Maximum size of piped input; a key or a pasted redirect URL is far shorter. */
  static final int MAX_BYTES = 16 * 1024;

  private SecretInput() {}

  /** Returns whether secrets are read at a hidden prompt instead of from piped standard input. */
  static boolean hasTerminal() {
    return System.console() != null;
  }

  /**
   * Reads all of standard input, or one line at the hidden prompt, and strips surrounding whitespace.
   *
   * @return the secret, or an empty string when nothing was entered or piped
   * @throws InputTooLongException when the piped input is longer than {@link #MAX_BYTES}
   */
  static String readAll(String prompt) throws IOException {
    Console console = System.console();
    if (console != null) {
      String typed = readHidden(console, prompt);
      return typed == null ? "" : typed;
    }
    byte[] bytes = System.in.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw new InputTooLongException();
    }
    return new String(bytes, StandardCharsets.UTF_8).strip();
  }

  /**
   * Reads one line from the hidden prompt or from standard input, and strips surrounding whitespace.
   *
   * @return the line, or null at the end of input
   */
  static String readLine(String prompt) throws IOException {
    Console console = System.console();
    if (console != null) {
      return readHidden(console, prompt);
    }
    BufferedReader reader = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line = reader.readLine();
    return line == null ? null : line.strip();
  }

  /** Returns the typed line without surrounding whitespace, or null at the end of input. */
  private static String readHidden(Console console, String prompt) {
    char[] typed = console.readPassword("%s", prompt);
    if (typed == null) {
      return null;
    }
    try {
      return new String(typed).strip();
    } finally {
      Arrays.fill(typed, '\0');
    }
  }

  /** Piped input longer than {@link #MAX_BYTES}. */
  static final class InputTooLongException extends IOException {
    InputTooLongException() {
      super("standard input is longer than " + MAX_BYTES + " bytes");
    }
  }
}

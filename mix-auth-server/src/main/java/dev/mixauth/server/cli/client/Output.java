package dev.mixauth.server.cli.client;

import java.io.PrintWriter;
import picocli.CommandLine.Help.Ansi.Style;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The standard output and error of a client command. Data goes to standard output, and errors,
 * prompts and progress to standard error.
 * Colour is on only when the JVM has a terminal ({@code System.console() != null}) and the
 * {@code NO_COLOR} environment variable is not set (to any value).
 */
public final class Output {
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean colour;

  private Output(PrintWriter out, PrintWriter err, boolean colour) {
    this.out = out;
    this.err = err;
    this.colour = colour;
  }

  /** Returns the output of {@code spec}'s command line, with colour decided by the terminal and NO_COLOR. */
  public static Output of(CommandSpec spec) {
    boolean colour = System.console() != null && System.getenv("NO_COLOR") == null;
    return new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), colour);
  }

  public PrintWriter out() {
    return out;
  }

  public PrintWriter err() {
    return err;
  }

  /** Prints a line of data to standard output. */
  public void println(String line) {
    out.println(line);
    out.flush();
  }

  /** Prints a progress note or prompt to standard error. */
  public void note(String line) {
    err.println(line);
    err.flush();
  }

  /** Prints {@code mix-auth: message} to standard error. */
  public void error(String message) {
    note("mix-auth: " + message);
  }

  public String green(String text) {
    return style(Style.fg_green, text);
  }

  public String yellow(String text) {
    return style(Style.fg_yellow, text);
  }

  public String red(String text) {
    return style(Style.fg_red, text);
  }

  public String bold(String text) {
    return style(Style.bold, text);
  }

  private String style(Style style, String text) {
    return colour && !text.isEmpty() ? style.on() + text + Style.reset.on() : text;
  }
}

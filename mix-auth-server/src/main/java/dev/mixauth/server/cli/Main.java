package dev.mixauth.server.cli;

import dev.mixauth.server.MixAuthServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mix-auth} command line. */
@Command(
    name = "mix-auth",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Credential broker for AI agent applications: stores provider API keys and OAuth tokens"
        + " and serves them over the Mix authentication API.",
    subcommands = {ServeCommand.class, FakeProviderCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code. */
  public static int run(String... args) {
    return new CommandLine(new Main()).execute(args);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** Prints the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"mix-auth " + MixAuthServer.version()};
    }
  }
}

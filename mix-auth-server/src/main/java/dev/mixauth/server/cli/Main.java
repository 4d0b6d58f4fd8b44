package dev.mixauth.server.cli;

import dev.mixauth.server.MixAuthServer;
import dev.mixauth.server.cli.client.ClientErrors;
import dev.mixauth.server.cli.client.ExitCodes;
import dev.mixauth.server.cli.client.HealthCommand;
import dev.mixauth.server.cli.client.LoginCommand;
import dev.mixauth.server.cli.client.LogoutCommand;
import dev.mixauth.server.cli.client.PrefsCommand;
import dev.mixauth.server.cli.client.SetKeyCommand;
import dev.mixauth.server.cli.client.StatusCommand;
import dev.mixauth.server.cli.client.UsageErrors;
import dev.mixauth.server.cli.client.ValidateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code mix-auth} command line. */
@Command(
    name = "mix-auth",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Credential broker for AI agent applications: stores provider API keys and OAuth tokens"
          + " and serves them over the Mix authentication API.",
      "",
      "serve runs the server. The other commands, except fake-provider, are clients of a running"
          + " server at --server URL (default: MIX_AUTH_SERVER, else http://127.0.0.1:8088). They send"
          + " MIX_AUTH_API_TOKEN, when it is set, as a bearer token."
    },
    subcommands = {
      ServeCommand.class,
      StatusCommand.class,
      SetKeyCommand.class,
      LoginCommand.class,
      LogoutCommand.class,
      ValidateCommand.class,
      PrefsCommand.class,
      HealthCommand.class,
      RotateKeyCommand.class,
      AuditCommand.class,
      FakeProviderCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code. */
  public static int run(String... args) {
    CommandLine commandLine = new CommandLine(new Main())
        .setParameterExceptionHandler(new UsageErrors())
        .setExecutionExceptionHandler(new ClientErrors());
    ExitCodes.addToHelp(commandLine);
    return commandLine.execute(args);
  }

  @Spec private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Prints the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"mix-auth " + MixAuthServer.version()};
    }
  }
}

package dev.mixauth.server.cli.client;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/** Exit codes of the client commands, and their list in the usage help. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int FAILED = 1;
  /** picocli's exit code for invalid input, such as an unknown option. */
  public static final int USAGE = 2;
  public static final int NO_SERVER = 3;
  /** 128 + SIGINT, as shells report a process ended by Ctrl-C. */
  public static final int CANCELLED = 130;

  private ExitCodes() {}

  /**
   * Adds the list of exit codes to the usage help of {@code root} and of every command below it
   * that talks to a server.
   */
  public static void addToHelp(CommandLine root) {
    Map<String, String> list = new LinkedHashMap<>();
    list.put("  " + OK, "Success.");
    list.put("  " + FAILED, "The operation failed, or the provider is not authenticated.");
    list.put("  " + USAGE, "Usage error, such as an unknown option or a missing argument.");
    list.put("  " + NO_SERVER, "Could not connect to a server at the --server URL.");
    list.put(String.valueOf(CANCELLED), "Cancelled with Ctrl-C.");

    root.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes of the client commands:%n")
        .exitCodeList(list);
    addToClientCommands(root, list);
  }

  private static void addToClientCommands(CommandLine command, Map<String, String> list) {
    for (CommandLine sub : command.getSubcommands().values()) {
      if (isClientCommand(sub)) {
        sub.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(list);
      }
      addToClientCommands(sub, list);
    }
  }

  static boolean isClientCommand(CommandLine command) {
    return command.getMixins().values().stream().anyMatch(ServerOptions.class::isInstance);
  }
}

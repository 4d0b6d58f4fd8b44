package dev.mixauth.server.cli.client;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Prints a usage error as {@code mix-auth: message}, picocli's suggestions for a mistyped option or
 * command, and the command that shows the usage help, instead of the whole usage help. Returns
 * picocli's exit code for invalid input, 2.
 */
public final class UsageErrors implements IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException exception, String[] args) {
    CommandLine command = exception.getCommandLine();
    PrintWriter err = command.getErr();

    err.println("mix-auth: " + exception.getMessage());
    UnmatchedArgumentException.printSuggestions(exception, err);
    err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return command.getCommandSpec().exitCodeOnInvalidInput();
  }
}

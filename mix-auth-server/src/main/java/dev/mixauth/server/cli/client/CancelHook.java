package dev.mixauth.server.cli.client;

import java.io.PrintStream;

/**
 * Prints one line when the JVM stops during a sign-in, as it does on Ctrl-C (exit code 130, which
 * the JVM sets for SIGINT). Closing it before a normal exit removes the hook, so nothing is printed
 * then.
 */
final class CancelHook implements AutoCloseable {
  private final Thread hook;

  private CancelHook(Thread hook) {
    this.hook = hook;
  }

  static CancelHook install(String message) {
    // Writes to System.err directly, because picocli's writer may hold buffered output.
    PrintStream err = System.err;
    Thread hook = new Thread(() -> {
      err.println("mix-auth: " + message);
      err.flush();
    }, "mix-auth-cancel");
    Runtime.getRuntime().addShutdownHook(hook);
    return new CancelHook(hook);
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down, and the hook is running or has run.
    }
  }
}

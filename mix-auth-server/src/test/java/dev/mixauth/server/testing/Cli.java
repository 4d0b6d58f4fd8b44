package dev.mixauth.server.testing;

import dev.mixauth.server.cli.Main;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Runs the mix-auth command line as a child JVM on the test class path, as a user would run it,
 * with its own standard input, output and error. The child's environment lacks the variables that
 * would change what it does, such as MIX_AUTH_SERVER, NO_COLOR and DISPLAY.
 */
public final class Cli {
  /** Maximum time one command may take before the test fails and the child is killed. */
  public static final Duration TIMEOUT = Duration.ofSeconds(60);

  private static final List<String> REMOVED_VARIABLES =
      List.of("MIX_AUTH_SERVER", "MIX_AUTH_API_TOKEN", "NO_COLOR", "DISPLAY", "WAYLAND_DISPLAY");

  private final Map<String, String> environment;

  private Cli(Map<String, String> environment) {
    this.environment = environment;
  }

  /** Returns a runner whose children get this JVM's environment without the variables above. */
  public static Cli clean() {
    Map<String, String> environment = new HashMap<>(System.getenv());
    REMOVED_VARIABLES.forEach(environment::remove);
    environment.put("LC_ALL", "C.UTF-8");
    return new Cli(environment);
  }

  /** Returns a runner whose children also get {@code variables}. */
  public Cli with(Map<String, String> variables) {
    Map<String, String> environment = new HashMap<>(this.environment);
    environment.putAll(variables);
    return new Cli(environment);
  }

  /** Runs {@code mix-auth args…} with {@code stdin} as its standard input and waits for it to exit. */
  public Result run(String stdin, String... args) {
    try (Running running = start(args)) {
      return finish(running, stdin);
    }
  }

  private static Result finish(Running running, String stdin) {
    try {
      running.write(stdin);
      running.closeInput();
    } catch (UncheckedIOException e) {
      // A command that exits before it reads, as on a usage error, closes its input early.
      if (running.process.isAlive()) {
        throw e;
      }
    }
    return running.await();
  }

  /**
   * Runs several commands at once, each with {@code stdin} as its standard input, and returns
   * their results in the same order. Start-up dominates a command's time, so this is faster than
   * running them one after another.
   */
  public List<Result> runAll(String stdin, List<String[]> commands) {
    List<Running> started = commands.stream().map(this::start).toList();
    try {
      List<Result> results = new ArrayList<>();
      for (Running running : started) {
        results.add(finish(running, stdin));
      }
      return results;
    } finally {
      started.forEach(Running::close);
    }
  }

  /** Starts {@code mix-auth args…} with its standard input left open. */
  public Running start(String... args) {
    return launch(command(args));
  }

  /**
   * Starts {@code mix-auth args…} on a pseudo-terminal through util-linux {@code script}, so that
   * the JVM has a console. Standard output and error both arrive as the terminal's output.
   */
  public Running startInTerminal(String... args) {
    String shellCommand = command(args).stream().map(Cli::shellQuote).collect(Collectors.joining(" "));
    return launch(List.of(scriptCommand().orElseThrow(), "-qec", shellCommand, "/dev/null"));
  }

  /** Returns the path of util-linux {@code script}, when it is installed. */
  public static Optional<String> scriptCommand() {
    for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(directory.isEmpty() ? "." : directory, "script");
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate.toString());
      }
    }
    return Optional.empty();
  }

  private static List<String> command(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Quick start-up matters more than peak speed for a command that runs for a second.
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    return command;
  }

  private Running launch(List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().putAll(environment);
    try {
      return new Running(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start " + command.get(0), e);
    }
  }

  private static String shellQuote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }

  /** The outcome of one command. */
  public record Result(int exitCode, String stdout, String stderr) {
    @Override
    public String toString() {
      return "exit code " + exitCode + "\n--- stdout ---\n" + stdout + "--- stderr ---\n" + stderr;
    }
  }

  /** A running command, whose output is collected as it arrives. */
  public static final class Running implements AutoCloseable {
    private final Process process;
    private final StringBuffer stdout = new StringBuffer();
    private final StringBuffer stderr = new StringBuffer();
    private final Thread stdoutReader;
    private final Thread stderrReader;

    private Running(Process process) {
      this.process = process;
      this.stdoutReader = collect(process.getInputStream(), stdout);
      this.stderrReader = collect(process.getErrorStream(), stderr);
    }

    private static Thread collect(InputStream stream, StringBuffer target) {
      Thread reader = new Thread(() -> {
        try (Reader in = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
          char[] buffer = new char[4096];
          for (int read; (read = in.read(buffer)) >= 0; ) {
            target.append(buffer, 0, read);
          }
        } catch (IOException e) {
          target.append("\n[reading failed: ").append(e).append("]\n");
        }
      }, "cli-output");
      reader.setDaemon(true);
      reader.start();
      return reader;
    }

    /** Writes {@code text} to the command's standard input. */
    public void write(String text) {
      try {
        OutputStream in = process.getOutputStream();
        in.write(text.getBytes(StandardCharsets.UTF_8));
        in.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not write to the command's standard input", e);
      }
    }

    public void closeInput() {
      try {
        process.getOutputStream().close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Waits until a line of standard output matches, and returns it. */
    public String awaitLine(Predicate<String> matches) {
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (System.nanoTime() < deadline) {
        for (String line : stdout.toString().split("\r?\n")) {
          if (matches.test(line)) {
            return line;
          }
        }
        pause();
      }
      throw new AssertionError("No matching output line within " + TIMEOUT.toSeconds() + " s\n" + snapshot());
    }

    /** Waits until standard output contains {@code fragment}, such as a prompt without a line end. */
    public void awaitOutput(String fragment) {
      awaitLine(line -> line.contains(fragment));
    }

    /** Sends SIGINT, as Ctrl-C in a terminal does. */
    public void interrupt() {
      try {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
          throw new AssertionError("kill -INT " + process.pid() + " failed");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    /** Waits for the command to exit and returns its exit code and all of its output. */
    public Result await() {
      try {
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new AssertionError("The command did not exit within " + TIMEOUT.toSeconds() + " s\n" + snapshot());
        }
        stdoutReader.join(TimeUnit.SECONDS.toMillis(10));
        stderrReader.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      return new Result(process.exitValue(), stdout.toString(), stderr.toString());
    }

    private String snapshot() {
      return "--- stdout so far ---\n" + stdout + "--- stderr so far ---\n" + stderr;
    }

    private static void pause() {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    /** Kills the command if it is still running, so that a failed test leaves no process behind. */
    @Override
    public void close() {
      if (process.isAlive()) {
        process.destroyForcibly();
      }
    }
  }
}

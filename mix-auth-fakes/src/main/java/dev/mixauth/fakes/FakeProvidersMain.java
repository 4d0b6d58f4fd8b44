package dev.mixauth.fakes;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs {@link FakeProviders} on a loopback port for local demos, and prints the environment
 * variables that point a mix-auth server at it.
 *
 * <pre>
 * FakeProvidersMain [--port N] [--accept-key PROVIDER=KEY]...
 * </pre>
 *
 * <p>The port defaults to 8089. Each {@code --accept-key} makes the provider's key check accept the
 * key; the provider is {@code anthropic}, {@code openai} or {@code openrouter}. Keys, codes and
 * tokens are never printed.
 */
public final class FakeProvidersMain {

  static final int DEFAULT_PORT = 8089;

  static final String USAGE =
      "Usage: FakeProvidersMain [--port N] [--accept-key PROVIDER=KEY]...\n"
          + "  --port N                    port on 127.0.0.1 to listen on (default "
          + DEFAULT_PORT
          + ", 0 picks a free one)\n"
          + "  --accept-key PROVIDER=KEY   make the fake key check of PROVIDER (anthropic,\n"
          + "                              openai or openrouter) accept KEY; repeatable\n";

  private FakeProvidersMain() {}

  /** The parsed command line. */
  static final class Arguments {
    final int port;
    final List<AcceptedKey> acceptedKeys;
    final boolean help;

    Arguments(int port, List<AcceptedKey> acceptedKeys, boolean help) {
      this.port = port;
      this.acceptedKeys = List.copyOf(acceptedKeys);
      this.help = help;
    }
  }

  /** One {@code --accept-key} value. It has no {@code toString}, so the key is never printed. */
  static final class AcceptedKey {
    private final Provider provider;
    private final String key;

    AcceptedKey(Provider provider, String key) {
      this.provider = provider;
      this.key = key;
    }

    Provider provider() {
      return provider;
    }

    String key() {
      return key;
    }
  }

  public static void main(String[] args) throws InterruptedException {
    Arguments arguments;
    try {
      arguments = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    if (arguments.help) {
      System.out.print(USAGE);
      return;
    }

    FakeProviders fake = FakeProviders.start(arguments.port);
    for (AcceptedKey accepted : arguments.acceptedKeys) {
      fake.acceptApiKey(accepted.provider().id(), accepted.key());
    }

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  fake.close();
                  stopped.countDown();
                },
                "fake-providers-shutdown"));

    printBanner(fake, System.out);
    stopped.await();
  }

  /**
   * Parses the command line.
   *
   * @throws IllegalArgumentException naming the option or value that is wrong
   */
  static Arguments parse(String[] args) {
    int port = DEFAULT_PORT;
    List<AcceptedKey> acceptedKeys = new ArrayList<>();
    boolean help = false;

    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        help = true;
      } else if (arg.equals("--port")) {
        port = parsePort(valueAfter(args, i++, arg));
      } else if (arg.startsWith("--port=")) {
        port = parsePort(arg.substring("--port=".length()));
      } else if (arg.equals("--accept-key")) {
        acceptedKeys.add(parseProviderAndKey(valueAfter(args, i++, arg)));
      } else if (arg.startsWith("--accept-key=")) {
        acceptedKeys.add(parseProviderAndKey(arg.substring("--accept-key=".length())));
      } else {
        throw new IllegalArgumentException(
            "Unknown argument '" + arg + "'. Run with --help to list the options.");
      }
    }
    return new Arguments(port, acceptedKeys, help);
  }

  /** Prints the URLs, the environment variables for mix-auth, and the accepted key counts. */
  static void printBanner(FakeProviders fake, PrintStream out) {
    out.println("Fake providers listening on " + fake.baseUrl());
    out.println();
    out.println("To point a mix-auth server at them, set:");
    out.print(environment(fake));
    out.println();
    out.println("# mix-auth ships with Anthropic sign-in turned off. To try it against this fake,");
    out.println("# also set MIX_AUTH_ANTHROPIC_OAUTH=enabled.");
    out.println();
    out.println(
        "Accepted API keys: anthropic "
            + fake.acceptedApiKeyCount(Provider.ANTHROPIC)
            + ", openai "
            + fake.acceptedApiKeyCount(Provider.OPENAI)
            + ", openrouter "
            + fake.acceptedApiKeyCount(Provider.OPENROUTER)
            + ". Stop with Ctrl+C.");
  }

  /** Returns one {@code export NAME=VALUE} line per mix-auth provider setting. */
  static String environment(FakeProviders fake) {
    return export("MIX_AUTH_ANTHROPIC_AUTHORIZE_URL", fake.anthropicAuthorizeUrl())
        + export("MIX_AUTH_ANTHROPIC_TOKEN_URL", fake.anthropicTokenUrl())
        + export("MIX_AUTH_ANTHROPIC_API_URL", fake.anthropicApiUrl())
        + export("MIX_AUTH_OPENAI_AUTHORIZE_URL", fake.openAiAuthorizeUrl())
        + export("MIX_AUTH_OPENAI_TOKEN_URL", fake.openAiTokenUrl())
        + export("MIX_AUTH_OPENAI_API_URL", fake.openAiApiUrl())
        + export("MIX_AUTH_OPENROUTER_API_URL", fake.openRouterApiUrl());
  }

  private static String export(String name, String value) {
    return "export " + name + "=" + value + "\n";
  }

  private static String valueAfter(String[] args, int index, String option) {
    if (index + 1 >= args.length) {
      throw new IllegalArgumentException("Option " + option + " needs a value.");
    }
    return args[index + 1];
  }

  private static int parsePort(String value) {
    int port;
    try {
      port = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--port must be a number, got '" + value + "'.", e);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be between 0 and 65535, got " + port + ".");
    }
    return port;
  }

  /**
   * Splits {@code provider=KEY} at the first {@code =}. The error message never contains the key.
   */
  private static AcceptedKey parseProviderAndKey(String value) {
    int equals = value.indexOf('=');
    if (equals <= 0 || equals == value.length() - 1) {
      throw new IllegalArgumentException(
          "--accept-key must have the form PROVIDER=KEY, for example openai=sk-test.");
    }
    Provider provider = Provider.fromId(value.substring(0, equals));
    return new AcceptedKey(provider, value.substring(equals + 1));
  }
}

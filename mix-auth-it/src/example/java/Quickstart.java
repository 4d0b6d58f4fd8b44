import dev.mixauth.sdk.Mix;
import dev.mixauth.sdk.errors.ErrorResponse;
import dev.mixauth.sdk.models.GetAuthStatusResponse;
import dev.mixauth.sdk.models.Provider;
import dev.mixauth.sdk.models.StoreApiKeyResponse;

/**
 * Stores the OpenRouter API key from the OPENROUTER_API_KEY environment variable in a running
 * mix-auth server, then prints how each provider is authenticated. The first argument is the
 * server URL, http://localhost:8088 by default.
 *
 * <p>This is the Java SDK example of the docs. ReadmeExampleTest compiles this file against the SDK
 * jar and Jackson alone and runs it in a new JVM. It fails when the lines between the snippet
 * markers differ from the example's Java block in docs/sdk.md, or in README.md once README.md has a
 * "Java SDK" section.
 */
public class Quickstart {
  public static void main(String[] args) {
    // snippet:start quickstart
    String serverUrl = args.length > 0 ? args[0] : "http://localhost:8088";
    String apiKey = System.getenv("OPENROUTER_API_KEY");
    if (apiKey == null) {
      System.err.println("Set OPENROUTER_API_KEY to the key to store.");
      System.exit(2);
    }
    try (Mix mix = Mix.builder().serverUrl(serverUrl).build()) {
      StoreApiKeyResponse stored = mix.authentication().storeApiKey(apiKey, Provider.OPENROUTER);
      System.out.println(stored.message());

      GetAuthStatusResponse status = mix.authentication().getAuthStatus();
      status.providers().forEach((id, p) -> System.out.println(id + ": " + p.authMethod().value()));
    } catch (ErrorResponse e) {
      System.err.println(e.statusCode() + " " + e.error().type() + ": " + e.error().message());
      System.exit(1);
    }
    // snippet:end quickstart
  }
}

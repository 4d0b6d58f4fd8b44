package dev.mixauth.fakes;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;

/** Binds each {@link Endpoint} to its handler and starts the Javalin server. */
final class Routes {

  private final Dispatcher dispatcher;
  private final AnthropicOAuth anthropicOAuth;
  private final OpenAiOAuth openAiOAuth;
  private final AnthropicApi anthropicApi;
  private final OpenAiApi openAiApi;
  private final OpenRouterApi openRouterApi;

  Routes(
      Dispatcher dispatcher,
      AnthropicOAuth anthropicOAuth,
      OpenAiOAuth openAiOAuth,
      AnthropicApi anthropicApi,
      OpenAiApi openAiApi,
      OpenRouterApi openRouterApi) {
    this.dispatcher = dispatcher;
    this.anthropicOAuth = anthropicOAuth;
    this.openAiOAuth = openAiOAuth;
    this.anthropicApi = anthropicApi;
    this.openAiApi = openAiApi;
    this.openRouterApi = openRouterApi;
  }

  /** Starts a server on the host and port, 0 for an ephemeral port, and returns it. */
  Javalin start(String host, int port) {
    Javalin app =
        Javalin.create(
            config -> {
              config.jetty.host = host;
              config.jetty.port = port;
              config.startup.showJavalinBanner = false;
              config.http.prefer405over404 = true;

              for (Endpoint endpoint : Endpoint.values()) {
                config.routes.addHttpHandler(
                    HandlerType.findOrCreate(endpoint.method()),
                    endpoint.path(),
                    dispatcher.handler(endpoint, handlerFor(endpoint)));
              }
            });
    return app.start();
  }

  private Dispatcher.EndpointHandler handlerFor(Endpoint endpoint) {
    switch (endpoint) {
      case ANTHROPIC_AUTHORIZE:
        return anthropicOAuth::authorize;
      case ANTHROPIC_TOKEN:
        return anthropicOAuth::token;
      case ANTHROPIC_MODELS:
        return anthropicApi::models;
      case OPENAI_AUTHORIZE:
        return openAiOAuth::authorize;
      case OPENAI_TOKEN:
        return openAiOAuth::token;
      case OPENAI_REVOKE:
        return openAiOAuth::revoke;
      case OPENAI_MODELS:
        return openAiApi::models;
      case OPENROUTER_KEY:
        return openRouterApi::key;
      default:
        throw new IllegalStateException("No handler for endpoint " + endpoint);
    }
  }
}

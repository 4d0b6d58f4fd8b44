package dev.mixauth.fakes;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every request through the same steps: record it, apply an injected failure if one is due,
 * run the endpoint, map an {@link OAuthException} to its JSON error, and log one line. Log lines
 * name the endpoint, the status and an outcome such as {@code code issued}, never a code, token or
 * key.
 */
final class Dispatcher {

  /** An endpoint's work, given the request context. */
  @FunctionalInterface
  interface EndpointHandler {
    void handle(Context ctx) throws Exception;
  }

  private static final Logger LOG = LoggerFactory.getLogger(FakeProviders.class);
  private static final String OUTCOME_ATTRIBUTE = "dev.mixauth.fakes.outcome";

  private final RequestJournal journal;
  private final FailurePlan failures;

  Dispatcher(RequestJournal journal, FailurePlan failures) {
    this.journal = journal;
    this.failures = failures;
  }

  /** Records a short outcome for the log line. It must not contain a secret. */
  static void outcome(Context ctx, String outcome) {
    ctx.attribute(OUTCOME_ATTRIBUTE, outcome);
  }

  Handler handler(Endpoint endpoint, EndpointHandler handler) {
    return ctx -> handle(endpoint, handler, ctx);
  }

  private void handle(Endpoint endpoint, EndpointHandler handler, Context ctx) throws Exception {
    journal.record(endpoint, ctx);

    Optional<Failure> failure = failures.take(endpoint);
    if (failure.isPresent()) {
      outcome(ctx, "injected " + failure.get());
      if (FailureResponses.apply(failure.get(), ctx)) {
        log(endpoint, ctx, failure.get().kind() == Failure.Kind.DROP_CONNECTION);
        return;
      }
    }

    try {
      handler.handle(ctx);
    } catch (OAuthException e) {
      Json.respondOAuthError(ctx, e);
      outcome(ctx, e.error() + ": " + e.description());
    }
    log(endpoint, ctx, false);
  }

  private static void log(Endpoint endpoint, Context ctx, boolean dropped) {
    String outcome = ctx.attribute(OUTCOME_ATTRIBUTE);
    if (dropped) {
      LOG.info("{} connection dropped ({})", endpoint, outcome);
    } else {
      LOG.info("{} responded {} ({})", endpoint, ctx.statusCode(), outcome == null ? "-" : outcome);
    }
  }
}

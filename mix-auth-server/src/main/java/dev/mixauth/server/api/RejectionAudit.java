package dev.mixauth.server.api;

import dev.mixauth.server.audit.AuditLog;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records requests rejected for their input (malformed body, wrong type, size, content type) in
 * the audit trail. At most {@link #MAX_PER_MINUTE} a minute are recorded per client address, then
 * one event records that more were left out, so that a client without credentials cannot fill the
 * store with audit rows.
 */
final class RejectionAudit {
  static final int MAX_PER_MINUTE = 30;
  private static final Duration WINDOW = Duration.ofMinutes(1);
  private static final int MAX_TRACKED_CLIENTS = 10_000;

  private final AuditLog audit;
  private final Clock clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  /** Rejections of one client since {@code start}. */
  private record Window(Instant start, int count) {}

  RejectionAudit(AuditLog audit, Clock clock) {
    this.audit = audit;
    this.clock = clock;
  }

  void record(Context ctx, int status) {
    String client = ctx.ip();
    Instant now = clock.instant();
    if (windows.size() > MAX_TRACKED_CLIENTS) {
      windows.entrySet().removeIf(entry -> !now.isBefore(entry.getValue().start().plus(WINDOW)));
    }
    Window window = windows.compute(client, (key, current) ->
        current == null || !now.isBefore(current.start().plus(WINDOW))
            ? new Window(now, 1)
            : new Window(current.start(), current.count() + 1));
    if (window.count() <= MAX_PER_MINUTE) {
      audit.record("rejected_request", null, "rejected_input", client, ctx.method() + " " + ctx.path() + ": HTTP " + status);
    } else if (window.count() == MAX_PER_MINUTE + 1) {
      audit.record("rejected_request", null, "rejected_input", client,
          "more than " + MAX_PER_MINUTE + " rejected requests this minute; the rest of the minute is not recorded");
    }
  }
}

package dev.mixauth.server.api;

import dev.mixauth.server.oauth.RefreshOutcome;
import java.util.List;
import java.util.stream.Collectors;

/** The message of the refresh endpoint: what each due token's refresh did. */
final class RefreshSummary {
  private RefreshSummary() {}

  static String of(List<RefreshOutcome> outcomes) {
    if (outcomes.isEmpty()) {
      return "No OAuth token is due for refresh.";
    }
    long refreshed = outcomes.stream().filter(RefreshOutcome::succeeded).count();
    String details = outcomes.stream()
        .map(o -> o.provider() + ": " + (o.succeeded() ? o.detail() : "not refreshed, " + o.detail()))
        .collect(Collectors.joining("; "));
    return "Refreshed " + refreshed + " of " + outcomes.size() + " due tokens (" + details + ").";
  }
}

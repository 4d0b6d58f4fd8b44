package dev.mixauth.fakes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Authorization codes issued by one fake authorization server. Each code is random, bound to its
 * authorize request, valid for 10 minutes and accepted at most once.
 */
final class AuthorizationCodes {

  /** Lifetime of a code. RFC 6749 section 4.1.2 recommends at most 10 minutes. */
  static final Duration LIFETIME = Duration.ofMinutes(10);

  /** One issued code and the request it is bound to. */
  static final class IssuedCode {
    private final AuthorizeRequest request;
    private final Instant expiresAt;
    private final AtomicBoolean used = new AtomicBoolean();
    private volatile boolean forcedExpired;

    private IssuedCode(AuthorizeRequest request, Instant expiresAt) {
      this.request = request;
      this.expiresAt = expiresAt;
    }

    AuthorizeRequest request() {
      return request;
    }

    boolean isUsed() {
      return used.get();
    }

    boolean isExpired(Instant now) {
      return forcedExpired || !now.isBefore(expiresAt);
    }

    /** Marks the code used and returns true, or returns false if another request used it first. */
    boolean markUsed() {
      return used.compareAndSet(false, true);
    }
  }

  private final Map<String, IssuedCode> codes = new ConcurrentHashMap<>();
  private final Clock clock;

  AuthorizationCodes(Clock clock) {
    this.clock = clock;
  }

  /** Issues a new code for the request and returns it. */
  String issue(AuthorizeRequest request) {
    String code = RandomTokens.next("", 32);
    codes.put(code, new IssuedCode(request, clock.instant().plus(LIFETIME)));
    return code;
  }

  Optional<IssuedCode> find(String code) {
    return Optional.ofNullable(codes.get(code));
  }

  /** Makes every code issued so far expired, as if 10 minutes had passed. */
  void expireAll() {
    codes.values().forEach(code -> code.forcedExpired = true);
  }

  void clear() {
    codes.clear();
  }
}

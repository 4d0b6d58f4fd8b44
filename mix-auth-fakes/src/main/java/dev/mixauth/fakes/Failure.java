package dev.mixauth.fakes;

import java.time.Duration;
import java.util.Objects;

/**
 * A misbehaviour that {@link FakeProviders} can show on an endpoint instead of its normal response,
 * such as the error pages, rate limits and dropped connections that clients meet in front of real
 * providers.
 *
 * <p>Queue one with {@link FakeProviders#failNext(Endpoint, Failure)} or set it for every request
 * with {@link FakeProviders#failAlways(Endpoint, Failure)}. A failure replaces the endpoint's work
 * entirely, so it spends no authorization code or refresh token. The one exception is {@link
 * #slow(Duration)}, which delays the normal response.
 */
public final class Failure {

  /** The kinds of failure. */
  public enum Kind {
    /** Status 500 with an empty body and no content type. */
    EMPTY_SERVER_ERROR,
    /** A 5XX status with a small JSON error body, as a gateway or overloaded service sends. */
    SERVER_ERROR,
    /** Status 200 with a {@code text/html} sign-in page instead of the expected JSON. */
    HTML_PAGE,
    /** Status 403 with a {@code text/html} bot-challenge page, as a CDN sends. */
    CHALLENGE_PAGE,
    /** Status 404 with a {@code text/html} page, as a moved endpoint returns. */
    NOT_FOUND,
    /** Status 429 with a {@code Retry-After} header in whole seconds. */
    RATE_LIMITED,
    /** The normal response, sent after a delay. */
    SLOW,
    /** The connection is closed before any byte of a response is sent. */
    DROP_CONNECTION,
    /** Status 400 with {@code {"error":"invalid_grant"}}, as a token endpoint rejects a grant. */
    INVALID_GRANT
  }

  private final Kind kind;
  private final int status;
  private final Duration duration;

  private Failure(Kind kind, int status, Duration duration) {
    this.kind = kind;
    this.status = status;
    this.duration = duration;
  }

  /** Returns a 500 with an empty body. */
  public static Failure emptyServerError() {
    return new Failure(Kind.EMPTY_SERVER_ERROR, 500, Duration.ZERO);
  }

  /**
   * Returns a 5XX with a JSON error body, typically 502 or 503.
   *
   * @throws IllegalArgumentException if the status is not between 500 and 599
   */
  public static Failure serverError(int status) {
    if (status < 500 || status > 599) {
      throw new IllegalArgumentException(
          "Server error status must be between 500 and 599, got " + status + ".");
    }
    return new Failure(Kind.SERVER_ERROR, status, Duration.ZERO);
  }

  /** Returns a 200 whose body is an HTML sign-in page. */
  public static Failure htmlPage() {
    return new Failure(Kind.HTML_PAGE, 200, Duration.ZERO);
  }

  /** Returns a 403 whose body is an HTML bot-challenge page. */
  public static Failure challengePage() {
    return new Failure(Kind.CHALLENGE_PAGE, 403, Duration.ZERO);
  }

  /** Returns a 404 with an HTML body. */
  public static Failure notFound() {
    return new Failure(Kind.NOT_FOUND, 404, Duration.ZERO);
  }

  /**
   * Returns a 429 whose {@code Retry-After} header carries the delay in whole seconds, rounded up.
   *
   * @throws IllegalArgumentException if the delay is negative
   */
  public static Failure rateLimited(Duration retryAfter) {
    return new Failure(Kind.RATE_LIMITED, 429, requireNotNegative(retryAfter, "retryAfter"));
  }

  /**
   * Returns a failure that waits for the delay and then sends the normal response. A client timeout
   * shorter than the delay times out.
   *
   * @throws IllegalArgumentException if the delay is negative
   */
  public static Failure slow(Duration delay) {
    return new Failure(Kind.SLOW, 0, requireNotNegative(delay, "delay"));
  }

  /**
   * Returns a failure that closes the TCP connection without sending a response.
   *
   * <p>The JDK's {@code HttpClient} retries a GET once when the connection closes without a
   * response, so one queued drop is invisible to it on a GET endpoint. To make a GET fail, queue
   * the drop twice or use {@link FakeProviders#failAlways(Endpoint, Failure)}. POST requests are
   * not retried.
   */
  public static Failure dropConnection() {
    return new Failure(Kind.DROP_CONNECTION, 0, Duration.ZERO);
  }

  /** Returns a 400 {@code invalid_grant}, whatever the request contained. */
  public static Failure invalidGrant() {
    return new Failure(Kind.INVALID_GRANT, 400, Duration.ZERO);
  }

  public Kind kind() {
    return kind;
  }

  /** Returns the HTTP status sent, or 0 for {@link Kind#SLOW} and {@link Kind#DROP_CONNECTION}. */
  public int status() {
    return status;
  }

  /**
   * Returns the delay of {@link Kind#SLOW} or the {@code Retry-After} of {@link Kind#RATE_LIMITED},
   * and zero for the other kinds.
   */
  public Duration duration() {
    return duration;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Failure
        && ((Failure) other).kind == kind
        && ((Failure) other).status == status
        && ((Failure) other).duration.equals(duration);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, status, duration);
  }

  @Override
  public String toString() {
    switch (kind) {
      case SLOW:
      case RATE_LIMITED:
        return "Failure[" + kind + ", " + duration + "]";
      case SERVER_ERROR:
        return "Failure[" + kind + ", " + status + "]";
      default:
        return "Failure[" + kind + "]";
    }
  }

  private static Duration requireNotNegative(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, got " + duration + ".");
    }
    return duration;
  }
}

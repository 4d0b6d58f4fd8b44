package dev.mixauth.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryRulesTest {

  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

  @Test
  void defaultsMatchDocumentedPolicy() {
    RetryConfig defaults = RetryConfig.defaults();

    assertThat(defaults.isEnabled()).isTrue();
    assertThat(defaults.initialInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(defaults.exponent()).isEqualTo(1.5);
    assertThat(defaults.maxInterval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(defaults.maxElapsedTime()).isEqualTo(Duration.ofSeconds(600));
    assertThat(defaults.retryConnectionErrors()).isTrue();
  }

  @Test
  void noneIsDisabled() {
    assertThat(RetryConfig.none().isEnabled()).isFalse();
    assertThat(RetryConfig.none()).hasToString("RetryConfig[none]");
  }

  @ParameterizedTest
  @CsvSource({"1, 500", "2, 750", "3, 1125", "4, 1688", "12, 43249", "13, 60000", "10000, 60000"})
  void delayGrowsThenCaps(int retry, long expectedMillis) {
    Duration delay = RetryRules.nextDelay(RetryConfig.defaults(), retry, null, 0.0);

    assertThat(delay).isEqualTo(Duration.ofMillis(expectedMillis));
  }

  @Test
  void jitterShortensByAtMostAQuarter() {
    Duration longest = RetryRules.nextDelay(RetryConfig.defaults(), 1, null, 0.0);
    Duration middle = RetryRules.nextDelay(RetryConfig.defaults(), 1, null, 0.5);
    Duration shortest = RetryRules.nextDelay(RetryConfig.defaults(), 1, null, 0.999_999);

    assertThat(longest).isEqualTo(Duration.ofMillis(500));
    assertThat(middle).isEqualTo(Duration.ofMillis(438));
    assertThat(shortest).isEqualTo(Duration.ofMillis(375));
  }

  @Test
  void jitterAppliesBelowCap() {
    Duration capped = RetryRules.nextDelay(RetryConfig.defaults(), 40, null, 0.5);

    assertThat(capped).isEqualTo(Duration.ofMillis(52_500));
  }

  @Test
  void retryAfterReplacesBackoffWithoutJitter() {
    Duration delay = RetryRules.nextDelay(RetryConfig.defaults(), 3, Duration.ofSeconds(2), 0.9);

    assertThat(delay).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void retryAfterIsCapped() {
    Duration delay = RetryRules.nextDelay(RetryConfig.defaults(), 1, Duration.ofHours(1), 0.0);

    assertThat(delay).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void parsesRetryAfterSeconds() {
    assertThat(RetryRules.parseRetryAfter("2", NOW)).contains(Duration.ofSeconds(2));
    assertThat(RetryRules.parseRetryAfter(" 120 ", NOW)).contains(Duration.ofSeconds(120));
    assertThat(RetryRules.parseRetryAfter("0", NOW)).contains(Duration.ZERO);
  }

  @Test
  void parsesRetryAfterHttpDate() {
    assertThat(RetryRules.parseRetryAfter("Thu, 01 Jan 2026 12:00:05 GMT", NOW))
        .contains(Duration.ofSeconds(5));
    assertThat(RetryRules.parseRetryAfter("Thu, 01 Jan 2026 11:59:00 GMT", NOW))
        .contains(Duration.ZERO);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "soon", "-1", "1.5", "99999999999999999999", "2026-01-01T12:00:05Z"})
  void ignoresInvalidRetryAfter(String value) {
    assertThat(RetryRules.parseRetryAfter(value, NOW)).isEmpty();
  }

  @Test
  void ignoresMissingRetryAfter() {
    assertThat(RetryRules.parseRetryAfter(null, NOW)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "408, true",
    "429, true",
    "500, true",
    "503, true",
    "599, true",
    "200, false",
    "302, false",
    "400, false",
    "401, false",
    "404, false",
    "409, false",
    "600, false"
  })
  void classifiesStatuses(int status, boolean retryable) {
    assertThat(RetryRules.isRetryableStatus(status)).isEqualTo(retryable);
  }

  @Test
  void backoffRejectsOutOfRangeValues() {
    Duration second = Duration.ofSeconds(1);

    assertThatThrownBy(() -> RetryConfig.backoff(second.negated(), second, 1.5, second, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("initialInterval is negative: PT-1S");
    assertThatThrownBy(() -> RetryConfig.backoff(second, Duration.ZERO, 1.5, second, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxInterval PT0S is shorter than initialInterval PT1S");
    assertThatThrownBy(() -> RetryConfig.backoff(second, second, 0.5, second, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("exponent must be a finite number >= 1.0: 0.5");
    assertThatThrownBy(() -> RetryConfig.backoff(second, second, Double.NaN, second, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("exponent must be a finite number >= 1.0: NaN");
    assertThatThrownBy(() -> RetryConfig.backoff(second, second, 1.5, second.negated(), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxElapsedTime is negative: PT-1S");
  }

  @Test
  void configsWithSameValuesAreEqual() {
    RetryConfig first =
        RetryConfig.backoff(
            Duration.ofMillis(500), Duration.ofSeconds(60), 1.5, Duration.ofSeconds(600), true);

    assertThat(first).isEqualTo(RetryConfig.defaults());
    assertThat(first).hasSameHashCodeAs(RetryConfig.defaults());
    assertThat(first).isNotEqualTo(RetryConfig.none());
  }
}

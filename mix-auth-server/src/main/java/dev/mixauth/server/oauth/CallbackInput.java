package dev.mixauth.server.oauth;

import dev.mixauth.server.errors.MixAuthException;
import dev.mixauth.server.vault.Secret;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The authorization code and state of a callback, taken from what people paste: the bare code,
 * {@code code#state}, either with surrounding whitespace, {@code code=…&state=…}, or the whole
 * redirect URL with {@code code} and {@code state} in its query or fragment.
 *
 * @param state the state from the {@code state} field or from inside the code; both must agree
 */
public record CallbackInput(Secret code, String state) {
  public static final int MAX_CODE_LENGTH = 2048;

  /**
   * Parses the {@code code} and {@code state} fields of a callback request.
   *
   * @throws MixAuthException (invalid request) saying which part is wrong
   */
  public static CallbackInput parse(String codeField, String stateField) {
    if (codeField == null || codeField.isBlank()) {
      throw MixAuthException.invalid(
          "code is required: paste the authorization code (code#state) shown after signing in, or the whole"
              + " redirect URL.");
    }
    if (codeField.length() > MAX_CODE_LENGTH) {
      throw MixAuthException.invalid(
          "code is " + codeField.length() + " characters long, more than the maximum of " + MAX_CODE_LENGTH
              + "; paste only the code shown after signing in.");
    }

    String pasted = codeField.strip();
    String code;
    String embeddedState;
    if (pasted.startsWith("http://") || pasted.startsWith("https://")) {
      Map<String, String> parameters = urlParameters(pasted);
      code = parameters.get("code");
      embeddedState = parameters.get("state");
      if (code == null) {
        String error = parameters.get("error");
        throw MixAuthException.invalid(
            error != null
                ? "The pasted redirect URL carries the provider's error \"" + abbreviate(error)
                    + "\" instead of a code; start a new sign-in."
                : "The pasted URL has no code parameter; paste the code shown after signing in, or the whole"
                    + " redirect URL.");
      }
    } else if (pasted.startsWith("code=")) {
      Map<String, String> parameters = queryParameters(pasted);
      code = parameters.get("code");
      embeddedState = parameters.get("state");
    } else {
      int hash = pasted.indexOf('#');
      code = hash < 0 ? pasted : pasted.substring(0, hash);
      embeddedState = hash < 0 ? null : pasted.substring(hash + 1);
    }

    checkCode(code);
    String state = resolveState(embeddedState, stateField);
    return new CallbackInput(Secret.of(code), state);
  }

  private static void checkCode(String code) {
    if (code == null || code.isEmpty()) {
      throw MixAuthException.invalid(
          "The code part is empty; paste the authorization code shown after signing in (code#state).");
    }
    if (code.chars().allMatch(Character::isDigit)) {
      throw MixAuthException.invalid(
          "The code part is only digits, which is not an authorization code; paste the code shown after"
              + " signing in (code#state), not a verification number.");
    }
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c <= 0x20 || c > 0x7e) {
        throw MixAuthException.invalid(
            "The code part contains whitespace or an invisible character at position " + (i + 1)
                + "; paste the code again as plain text.");
      }
    }
  }

  private static String resolveState(String embedded, String field) {
    String fromCode = embedded == null || embedded.isBlank() ? null : embedded.strip();
    String fromField = field == null || field.isBlank() ? null : field.strip();
    if (fromCode == null && fromField == null) {
      throw MixAuthException.invalid(
          "state is required: send the state returned when the sign-in started, or paste the code as"
              + " code#state.");
    }
    if (fromCode != null && fromField != null && !fromCode.equals(fromField)) {
      throw MixAuthException.invalid(
          "The state inside the pasted code does not match the state field; paste the code from this"
              + " sign-in, or start a new one.");
    }
    return fromField != null ? fromField : fromCode;
  }

  private static Map<String, String> urlParameters(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw MixAuthException.invalid("The pasted URL is not a valid URL; paste the code shown after signing in.");
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    if (uri.getRawFragment() != null) {
      parameters.putAll(queryParameters(uri.getRawFragment()));
    }
    if (uri.getRawQuery() != null) {
      parameters.putAll(queryParameters(uri.getRawQuery()));
    }
    return parameters;
  }

  private static Map<String, String> queryParameters(String query) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        continue;
      }
      String name = decode(pair.substring(0, equals));
      parameters.putIfAbsent(name, decode(pair.substring(equals + 1)));
    }
    return parameters;
  }

  private static String decode(String value) {
    try {
      return URLDecoder.decode(value, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw MixAuthException.invalid("The pasted URL has a malformed percent-escape; paste it again.");
    }
  }

  private static String abbreviate(String value) {
    return value.length() > 60 ? value.substring(0, 60) + "…" : value;
  }

  @Override
  public String toString() {
    return "CallbackInput[code=" + code + "]";
  }
}

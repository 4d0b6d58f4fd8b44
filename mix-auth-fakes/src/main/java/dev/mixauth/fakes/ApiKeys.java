package dev.mixauth.fakes;

import io.javalin.http.Context;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The API keys that the fake key-check endpoints accept, per provider. */
final class ApiKeys {

  private final Map<Provider, Set<String>> accepted = new EnumMap<>(Provider.class);

  ApiKeys() {
    for (Provider provider : Provider.values()) {
      accepted.put(provider, ConcurrentHashMap.newKeySet());
    }
  }

  void accept(Provider provider, String key) {
    accepted.get(provider).add(key);
  }

  boolean isAccepted(Provider provider, String key) {
    return key != null && accepted.get(provider).contains(key);
  }

  int count(Provider provider) {
    return accepted.get(provider).size();
  }

  void clear() {
    accepted.values().forEach(Set::clear);
  }

  /** Returns the token of an {@code Authorization: Bearer …} header, if the request has one. */
  static Optional<String> bearerToken(Context ctx) {
    String authorization = ctx.header("Authorization");
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    String token = authorization.substring(7).trim();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }
}

package dev.mixauth.fakes;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The failures queued and set per endpoint. A queued one-shot failure comes before a standing one,
 * and queued failures come out in the order they were added.
 */
final class FailurePlan {

  private final Map<Endpoint, Queue<Failure>> next = new EnumMap<>(Endpoint.class);
  private final Map<Endpoint, Failure> always = new ConcurrentHashMap<>();

  FailurePlan() {
    for (Endpoint endpoint : Endpoint.values()) {
      next.put(endpoint, new ConcurrentLinkedQueue<>());
    }
  }

  void failNext(Endpoint endpoint, Failure failure) {
    next.get(endpoint).add(failure);
  }

  void failAlways(Endpoint endpoint, Failure failure) {
    always.put(endpoint, failure);
  }

  /** Removes and returns the next queued failure, or else returns the standing one. */
  Optional<Failure> take(Endpoint endpoint) {
    Failure queued = next.get(endpoint).poll();
    return queued != null ? Optional.of(queued) : Optional.ofNullable(always.get(endpoint));
  }

  void clear() {
    next.values().forEach(Queue::clear);
    always.clear();
  }
}

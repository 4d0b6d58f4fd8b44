package dev.mixauth.sdk;

import java.util.Set;

/**
 * One API operation: its name in messages and events, its HTTP method, and the error statuses it
 * documents with the error envelope.
 */
record Operation(String name, String method, Set<Integer> errorStatuses) {

  Operation {
    errorStatuses = Set.copyOf(errorStatuses);
  }

  static Operation get(String name, Integer... errorStatuses) {
    return new Operation(name, "GET", Set.of(errorStatuses));
  }

  static Operation post(String name, Integer... errorStatuses) {
    return new Operation(name, "POST", Set.of(errorStatuses));
  }

  static Operation delete(String name, Integer... errorStatuses) {
    return new Operation(name, "DELETE", Set.of(errorStatuses));
  }
}

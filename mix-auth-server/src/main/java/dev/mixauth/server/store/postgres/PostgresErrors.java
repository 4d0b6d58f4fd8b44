package dev.mixauth.server.store.postgres;

import dev.mixauth.server.vault.StoreException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/** Turns JDBC failures into {@link StoreException}s, marking the ones a retry can cure as transient. */
final class PostgresErrors {
  /**
   * SQLStates, beside connection exceptions (class 08), after which the same request may succeed.
   * They mean that the server shut down or is starting (57P01, 57P02, 57P03), or has no free
   * connection slot (53300). Or it aborted a transaction for a conflict (40001, 40P01) or a lock
   * wait timeout (55P03).
   */
  private static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03", "53300", "40001", "40P01", "55P03");

  private PostgresErrors() {}

  /**
   * Wraps a failure of {@code what} (a verb phrase such as "read the preferences").
   *
   * @param database host, port and database name, without credentials
   */
  static StoreException wrap(String what, String database, SQLException e) {
    if (isTransient(e)) {
      return new StoreException(
          "Could not " + what + ": the PostgreSQL database " + database + " is unreachable (" + rootMessage(e) + ").",
          e,
          true);
    }
    return new StoreException("Could not " + what + " in the PostgreSQL database " + database + ": " + rootMessage(e), e);
  }

  /**
   * Returns whether the failure comes from a lost or refused connection, a connection pool timeout
   * or a server that is shutting down, looking through the whole cause chain.
   */
  static boolean isTransient(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || TRANSIENT_STATES.contains(state)) {
          return true;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** Returns the message of the innermost SQL failure, which names the real cause. */
  private static String rootMessage(SQLException e) {
    Throwable innermost = e;
    for (Throwable t = e.getCause(); t != null && t != innermost; t = t.getCause()) {
      if (t instanceof SQLException) {
        innermost = t;
      }
    }
    String message = innermost.getMessage();
    if (innermost != e && e.getMessage() != null) {
      message = e.getMessage() + ": " + message;
    }
    return message == null ? e.getClass().getSimpleName() : message;
  }
}

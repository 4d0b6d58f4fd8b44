package dev.mixauth.server.store.postgres;

import dev.mixauth.server.config.DatabaseSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread that runs {@code LISTEN} on its own connection and calls the registered listeners when
 * another store instance committed a change. After a lost connection it reconnects with backoff and
 * calls the listeners once more, because notifications sent while it was away are gone.
 */
final class ChangeListener implements AutoCloseable {
  static final String CHANNEL = "mix_auth_changes";

  private static final Logger log = LoggerFactory.getLogger(ChangeListener.class);
  private static final int POLL_MILLIS = 500;
  private static final Duration IDLE_CHECK = Duration.ofSeconds(10);
  private static final Duration FIRST_RETRY = Duration.ofMillis(250);
  private static final Duration MAX_RETRY = Duration.ofSeconds(5);

  private final DatabaseSettings settings;
  private final String ownOrigin;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile Connection connection;

  /**
   * @param ownOrigin the origin that this process's store writes into its notifications, which
   *     the listener skips because the writer already reloaded what it changed
   */
  ChangeListener(DatabaseSettings settings, String ownOrigin) {
    this.settings = settings;
    this.ownOrigin = ownOrigin;
    this.thread = new Thread(this::run, "mix-auth-change-listener");
    this.thread.setDaemon(true);
  }

  /** Connects and runs {@code LISTEN} before returning, so that no change after it is missed. */
  void start() throws SQLException {
    connection = listen();
    thread.start();
  }

  void add(Runnable listener) {
    listeners.add(listener);
  }

  private Connection listen() throws SQLException {
    Connection opened = PostgresDatabase.connectDirectly(settings);
    try (Statement statement = opened.createStatement()) {
      statement.execute("LISTEN " + CHANNEL);
      return opened;
    } catch (SQLException e) {
      opened.close();
      throw e;
    }
  }

  private void run() {
    Duration retry = FIRST_RETRY;
    while (running) {
      try {
        if (connection == null) {
          connection = listen();
          log.info("Listening for changes from other replicas again on {}", settings.displayName());
          retry = FIRST_RETRY;
          notifyListeners("reconnected");
        }
        receive(connection);
      } catch (SQLException e) {
        if (!running) {
          break;
        }
        log.warn("Lost the change notification connection to {}, retrying in {} ms: {}", settings.displayName(),
            retry.toMillis(), e.getMessage());
        closeQuietly();
        if (!sleep(retry)) {
          break;
        }
        retry = retry.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : retry.multipliedBy(2);
      }
    }
    closeQuietly();
  }

  /** Waits for notifications until the connection fails or the listener stops. */
  private void receive(Connection listening) throws SQLException {
    PGConnection pg = listening.unwrap(PGConnection.class);
    long idleSince = System.nanoTime();
    while (running) {
      PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
      if (notifications != null && notifications.length > 0) {
        idleSince = System.nanoTime();
        for (PGNotification notification : notifications) {
          if (!isOwn(notification)) {
            // One reload covers every change in this batch.
            notifyListeners(notification.getParameter());
            break;
          }
        }
      } else if (System.nanoTime() - idleSince > IDLE_CHECK.toNanos()) {
        // A connection cut without a reset delivers nothing, so a round trip checks it.
        if (!listening.isValid((int) PostgresDatabase.CONNECTION_TIMEOUT.toSeconds())) {
          throw new SQLException("the connection failed its validity check", "08006");
        }
        idleSince = System.nanoTime();
      }
    }
  }

  /** Notification payloads are {@code origin:topic}, as {@link #payload} builds them. */
  static String payload(String origin, String topic) {
    return origin + ":" + topic;
  }

  private boolean isOwn(PGNotification notification) {
    return notification.getParameter().startsWith(ownOrigin + ":");
  }

  private void notifyListeners(String reason) {
    log.debug("Reloading cached state after a change notification ({})", reason);
    for (Runnable listener : listeners) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        log.error("A change listener failed, so cached state may be stale until the next change: {}", e.getMessage(), e);
      }
    }
  }

  private boolean sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void closeQuietly() {
    Connection current = connection;
    connection = null;
    if (current != null) {
      try {
        current.close();
      } catch (SQLException e) {
        log.debug("Closing the change notification connection failed: {}", e.getMessage());
      }
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(PostgresDatabase.CONNECTION_TIMEOUT.toMillis() + POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeQuietly();
  }
}

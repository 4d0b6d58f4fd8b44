package dev.mixauth.fakes;

import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * Closes a request's TCP connection before any response byte is sent, so the client gets the
 * connection reset or closed as when a proxy or provider drops it. Javalin has no API for this, so
 * it reaches through the servlet request to Jetty's {@code EndPoint} and closes it.
 */
final class Connections {

  private Connections() {}

  static void drop(Context ctx) {
    ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
    request.getConnectionMetaData().getConnection().getEndPoint().close();
  }
}

package dev.mixauth.fakes;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every request that reached an endpoint, including those that got an injected failure. */
final class RequestJournal {

  private final Map<Endpoint, List<RecordedRequest>> requests = new EnumMap<>(Endpoint.class);

  RequestJournal() {
    for (Endpoint endpoint : Endpoint.values()) {
      requests.put(endpoint, Collections.synchronizedList(new ArrayList<>()));
    }
  }

  void record(Endpoint endpoint, Context ctx) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(ctx.req().getHeaderNames())) {
      headers.put(name, Collections.list(ctx.req().getHeaders(name)));
    }
    RecordedRequest request =
        new RecordedRequest(
            ctx.method().name(), ctx.path(), ctx.queryString(), headers, ctx.body());
    requests.get(endpoint).add(request);
  }

  int count(Endpoint endpoint) {
    return requests.get(endpoint).size();
  }

  List<RecordedRequest> all(Endpoint endpoint) {
    List<RecordedRequest> list = requests.get(endpoint);
    synchronized (list) {
      return List.copyOf(list);
    }
  }

  Optional<RecordedRequest> last(Endpoint endpoint) {
    List<RecordedRequest> list = requests.get(endpoint);
    synchronized (list) {
      return list.isEmpty() ? Optional.empty() : Optional.of(list.get(list.size() - 1));
    }
  }

  void clear() {
    requests.values().forEach(List::clear);
  }
}

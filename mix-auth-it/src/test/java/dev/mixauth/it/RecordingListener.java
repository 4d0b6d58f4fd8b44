package dev.mixauth.it;

import dev.mixauth.sdk.MixListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A listener that keeps every event, to count attempts and read what the SDK reported. */
final class RecordingListener implements MixListener {

  private final List<RequestEvent> requests = new CopyOnWriteArrayList<>();
  private final List<ResponseEvent> responses = new CopyOnWriteArrayList<>();

  @Override
  public void onRequest(RequestEvent event) {
    requests.add(event);
  }

  @Override
  public void onResponse(ResponseEvent event) {
    responses.add(event);
  }

  List<RequestEvent> requests() {
    return List.copyOf(requests);
  }

  List<ResponseEvent> responses() {
    return List.copyOf(responses);
  }
}

package dev.mixauth.fakes;

/** Request body formats that a fake token endpoint accepts. */
public enum BodyFormat {
  /** Only {@code application/json}. */
  JSON,
  /** Only {@code application/x-www-form-urlencoded}. */
  FORM,
  /** Either of the two. */
  JSON_OR_FORM;

  boolean acceptsJson() {
    return this != FORM;
  }

  boolean acceptsForm() {
    return this != JSON;
  }
}

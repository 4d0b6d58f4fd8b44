package dev.mixauth.fakes;

/**
 * Form of a token field in a refresh response, for testing clients against servers that leave the
 * field out or send it empty.
 */
public enum TokenField {
  /** A new token, as the real providers send it. */
  PRESENT,
  /** The field is left out of the response. */
  OMITTED,
  /** The field is present with an empty string. */
  EMPTY
}

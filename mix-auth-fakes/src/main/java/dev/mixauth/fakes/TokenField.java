package dev.mixauth.fakes;

/** How a token field appears in a refresh response, to test clients against odd servers. */
public enum TokenField {
  /** A new token, as the real providers send it. */
  PRESENT,
  /** The field is left out of the response. */
  OMITTED,
  /** The field is present with an empty string. */
  EMPTY
}

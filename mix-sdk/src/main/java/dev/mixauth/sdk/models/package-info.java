/**
 * Request and response bodies of the Mix authentication API as immutable records.
 *
 * <p>Record accessors follow the JSON field names ({@code auth_method} becomes {@code
 * authMethod()}). Every field that the API documents for a success body is required, except the
 * ones whose Javadoc says "optional". A missing required field, a {@code null} in its place or a
 * value of the wrong JSON type fails the call with {@link
 * dev.mixauth.sdk.errors.ResponseValidationError}. Unknown fields are ignored.
 *
 * <p>Values that a newer server may extend stay readable: provider ids and status words are kept as
 * strings, and an unknown auth method reads as {@link dev.mixauth.sdk.models.AuthMethod#UNKNOWN}.
 */
package dev.mixauth.sdk.models;

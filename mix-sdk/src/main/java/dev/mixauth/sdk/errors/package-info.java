/**
 * Unchecked exceptions thrown by the SDK, all subclasses of {@link
 * dev.mixauth.sdk.errors.MixException}.
 *
 * <ul>
 *   <li>{@link dev.mixauth.sdk.errors.ErrorResponse}: a status that the operation documents, with
 *       the server's error envelope parsed.
 *   <li>{@link dev.mixauth.sdk.errors.MixDefaultError}: any other 4XX or 5XX status, or an error
 *       body that is not the envelope.
 *   <li>{@link dev.mixauth.sdk.errors.ResponseValidationError}: a 2XX body that does not match the
 *       response model.
 *   <li>{@link dev.mixauth.sdk.errors.MixConnectionException}: no HTTP response arrived.
 *   <li>{@link dev.mixauth.sdk.errors.MixInterruptedException}: the calling thread was interrupted.
 * </ul>
 *
 * <p>Messages name the operation, the status and the server's message, and never contain the API
 * keys, OAuth codes or states passed to the call.
 */
package dev.mixauth.sdk.errors;

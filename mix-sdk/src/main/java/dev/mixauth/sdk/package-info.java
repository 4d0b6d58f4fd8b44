/**
 * Java client for the Mix authentication API: start with {@link dev.mixauth.sdk.Mix}.
 *
 * <p>The public types here are the client, its three accessors ({@link
 * dev.mixauth.sdk.Authentication}, {@link dev.mixauth.sdk.Preferences}, {@link
 * dev.mixauth.sdk.Health}), {@link dev.mixauth.sdk.RetryConfig} and {@link
 * dev.mixauth.sdk.MixListener}. The other classes of this package are the package-private HTTP,
 * retry and JSON machinery behind them.
 */
package dev.mixauth.sdk;

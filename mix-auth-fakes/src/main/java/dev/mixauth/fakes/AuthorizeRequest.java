package dev.mixauth.fakes;

/**
 * The validated parameters of an authorize request. None is secret: the challenge is a hash and the
 * state travels in the URL anyway.
 */
record AuthorizeRequest(
    String clientId, String redirectUri, String scope, String codeChallenge, String state) {}

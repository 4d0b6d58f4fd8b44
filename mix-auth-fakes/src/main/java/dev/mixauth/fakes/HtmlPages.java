package dev.mixauth.fakes;

/**
 * The HTML pages of the fakes: the page that shows an Anthropic code to copy, authorize errors, and
 * the pages that failures send in place of JSON.
 */
final class HtmlPages {

  private HtmlPages() {}

  /**
   * Returns a page that shows {@code code#state} for the user to copy, as the page behind
   * Anthropic's redirect URI ({@code console.anthropic.com/oauth/code/callback}) does.
   */
  static String authorizationCodePage(String codeAndState) {
    return page(
        "Authorization code",
        "<h1>Authentication successful</h1>\n"
            + "<p>Paste this code into the application:</p>\n"
            + "<pre id=\"authorization-code\">"
            + escape(codeAndState)
            + "</pre>\n");
  }

  /** Returns the page that an invalid authorize request gets instead of a code. */
  static String authorizeErrorPage(String error, String description) {
    return page(
        "Authorization error",
        "<h1>Authorization failed</h1>\n"
            + "<p id=\"error\">"
            + escape(error)
            + "</p>\n"
            + "<p id=\"error-description\">"
            + escape(description)
            + "</p>\n");
  }

  /** Returns a sign-in page, which a client gets when a session or proxy intercepts the call. */
  static String signInPage() {
    return page(
        "Sign in",
        "<h1>Sign in</h1>\n"
            + "<form method=\"post\" action=\"/login\">\n"
            + "<input type=\"email\" name=\"email\">\n"
            + "<input type=\"password\" name=\"password\">\n"
            + "<button type=\"submit\">Continue</button>\n"
            + "</form>\n");
  }

  /** Returns a bot-challenge page in the style of a CDN's interstitial. */
  static String challengePage() {
    return page(
        "Just a moment...",
        "<h1>Checking your browser before accessing the site.</h1>\n"
            + "<noscript>Enable JavaScript and cookies to continue.</noscript>\n");
  }

  static String notFoundPage() {
    return page("404 Not Found", "<h1>404 Not Found</h1>\n");
  }

  private static String page(String title, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>"
        + escape(title)
        + "</title></head>\n<body>\n"
        + body
        + "</body>\n</html>\n";
  }

  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<':
          escaped.append("&lt;");
          break;
        case '>':
          escaped.append("&gt;");
          break;
        case '&':
          escaped.append("&amp;");
          break;
        case '"':
          escaped.append("&quot;");
          break;
        case '\'':
          escaped.append("&#39;");
          break;
        default:
          escaped.append(c);
      }
    }
    return escaped.toString();
  }
}

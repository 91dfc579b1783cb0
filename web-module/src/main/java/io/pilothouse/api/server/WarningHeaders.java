package io.pilothouse.api.server;

import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Adds kube-apiserver's warnings to a reply: one {@code Warning: 299 - "text"} header each (RFC
 * 7234 warn-code 299, no agent), which kubectl prints as {@code Warning: text} and fabric8 logs.
 */
public final class WarningHeaders {

  private WarningHeaders() {}

  /** The reply with one Warning header per warning. */
  public static Response with(Response response, List<String> warnings) {
    if (warnings.isEmpty()) {
      return response;
    }
    Response.ResponseBuilder builder = Response.fromResponse(response);
    for (String warning : warnings) {
      builder.header("Warning", header(warning));
    }
    return builder.build();
  }

  /** {@code 299 - "text"}, with the text's quotes and backslashes escaped as a quoted-string. */
  static String header(String warning) {
    return "299 - \"" + warning.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}

package io.pilothouse.node.kubelet;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;

/** Turns a client failure into one line a person can act on (no stack traces in the log). */
public final class ApiFailures {

  private ApiFailures() {}

  public static int code(Throwable e) {
    return e instanceof KubernetesClientException k ? k.getCode() : 0;
  }

  public static String describe(Throwable e, String server) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      if (root instanceof ConnectException || root instanceof UnknownHostException) {
        break;
      }
      root = root.getCause();
    }
    int code = code(e);
    if (code == 401) {
      return "the API server at "
          + server
          + " rejected our credentials (401 Unauthorized): check the user in the kubeconfig";
    }
    if (code == 403) {
      return "the API server at " + server + " refused the request (403 Forbidden): " + message(e);
    }
    if (code == 404) {
      return "the API server at "
          + server
          + " answered 404 Not Found: is this the right URL? "
          + message(e);
    }
    if (root instanceof ConnectException) {
      return "cannot connect to the API server at "
          + server
          + " (connection refused): is it running?";
    }
    if (root instanceof UnknownHostException) {
      return "cannot resolve the API server host in "
          + server
          + ": check the kubeconfig's server URL";
    }
    if (root instanceof HttpTimeoutException) {
      return "the API server at " + server + " did not answer in time";
    }
    if (code > 0) {
      return "the API server at " + server + " answered " + code + ": " + message(e);
    }
    return "cannot talk to the API server at "
        + server
        + ": "
        + root.getClass().getSimpleName()
        + ": "
        + root.getMessage();
  }

  private static String message(Throwable e) {
    if (e instanceof KubernetesClientException k
        && k.getStatus() != null
        && k.getStatus().getMessage() != null) {
      return k.getStatus().getMessage();
    }
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
  }
}

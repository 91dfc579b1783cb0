package io.pilothouse.node.runtime;

/** The image could not be "pulled": the catalog has no entry for it. */
public class ImagePullException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ImagePullException(String message) {
    super(message);
  }
}

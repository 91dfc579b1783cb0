package io.pilothouse.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archives integration tests deploy: the WAR this module built, exactly as shipped, named so
 * that Payara Micro serves it at the server root.
 */
public final class Deployments {

  private Deployments() {}

  /** The built Pilothouse WAR, unchanged. */
  public static WebArchive pilothouseWar() {
    File war = new File(System.getProperty("pilothouse.war", "target/pilothouse.war"));
    return ShrinkWrap.create(WebArchive.class, "ROOT.war")
        .merge(ShrinkWrap.createFromZipFile(WebArchive.class, war));
  }
}

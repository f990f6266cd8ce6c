package io.meshsdk.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Facts about this build of Mesh SDK: its own version and the Linkerd version whose chart defaults
 * it carries.
 */
public final class MeshSdk {
  private static final Properties PROPERTIES = load();

  private MeshSdk() {}

  /**
   * The SDK version, e.g. {@code 0.1.0-SNAPSHOT}.
   *
   * @return the version of the mesh-core artifact
   */
  public static String version() {
    return PROPERTIES.getProperty("sdk.version");
  }

  /**
   * The Linkerd release whose defaults (chart values, proxy version) this SDK carries, e.g. {@code
   * edge-26.8.3}.
   *
   * @return the Linkerd version string
   */
  public static String linkerdVersion() {
    return PROPERTIES.getProperty("linkerd.version");
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = MeshSdk.class.getResourceAsStream("mesh-sdk.properties")) {
      if (in == null) {
        throw new IllegalStateException("mesh-sdk.properties is missing from the mesh-core jar");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}

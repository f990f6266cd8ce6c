package io.meshsdk.core.linkerd.internal;

import io.meshsdk.core.MeshSdk;
import io.meshsdk.core.values.HelmValues;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the chart resources shipped in mesh-core. Not API. */
public final class ChartResources {
  private static final String BASE = "/io/meshsdk/core/linkerd/charts/";

  /** The chart's placeholder for the Linkerd version. */
  public static final String VERSION_PLACEHOLDER = "linkerdVersionValue";

  private ChartResources() {}

  /**
   * Reads a resource as text.
   *
   * @param name the file name under the charts folder
   * @return the text
   */
  public static String text(String name) {
    try (InputStream in = ChartResources.class.getResourceAsStream(BASE + name)) {
      if (in == null) {
        throw new IllegalStateException("mesh-core resource " + BASE + name + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a values resource, replacing the chart's version placeholder with the Linkerd version
   * Mesh SDK carries, as Linkerd's release does.
   *
   * @param name the file name under the charts folder
   * @return the values
   */
  public static HelmValues values(String name) {
    String text = text(name).replace(VERSION_PLACEHOLDER, MeshSdk.linkerdVersion());
    return HelmValues.fromYaml(text, "mesh-core:" + name);
  }
}

package io.meshsdk.core.identity.internal;

import io.meshsdk.core.identity.IdentityException;
import io.meshsdk.core.internal.YamlBudget;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads Helm values YAML (as stored in linkerd-config) into a generic tree, safely. */
public final class ValuesReader {
  private ValuesReader() {}

  /**
   * Parses values YAML.
   *
   * @param yaml the text
   * @param source names the text in messages
   * @return the top-level mapping with a legacy {@code global:} block merged under it
   * @throws IdentityException on syntax errors, aliases beyond the limits, or a non-mapping
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> read(String yaml, String source) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(50);
    options.setNestingDepthLimit(100);
    options.setCodePointLimit(8 * 1024 * 1024);
    Object root;
    try {
      YamlBudget.check(yaml, YamlBudget.MAX_NODES, YamlBudget.MAX_CHARS);
      root = new Yaml(new SafeConstructor(options)).load(yaml);
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark();
      throw new IdentityException(
          source
              + " is not valid YAML"
              + (m == null ? "" : " (line " + (m.getLine() + 1) + ")")
              + ": "
              + e.getProblem());
    } catch (YAMLException e) {
      throw new IdentityException(source + " is not valid YAML: " + e.getMessage());
    } catch (YamlBudget.Problem e) {
      throw new IdentityException(
          source + " is not valid YAML (line " + (e.line + 1) + "): " + e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      throw new IdentityException(
          source + " is not valid YAML (" + e.getClass().getSimpleName() + ")");
    }
    if (root == null) {
      return new LinkedHashMap<>();
    }
    if (!(root instanceof Map)) {
      throw new IdentityException(source + " must be a YAML mapping, not " + kind(root));
    }
    Map<String, Object> values = new LinkedHashMap<>((Map<String, Object>) root);
    Object global = values.get("global");
    if (global instanceof Map) {
      ((Map<String, Object>) global).forEach(values::putIfAbsent);
    }
    return values;
  }

  /**
   * A string at a key path.
   *
   * @param values the tree
   * @param source names the tree in messages
   * @param path the key path
   * @return the string, or empty when a key is missing or the value is null
   * @throws IdentityException when a value on the path has the wrong type
   */
  @SuppressWarnings("unchecked")
  public static String string(Map<String, Object> values, String source, String... path) {
    Object node = values;
    for (int i = 0; i < path.length; i++) {
      if (node == null) {
        return "";
      }
      if (!(node instanceof Map)) {
        throw new IdentityException(
            source
                + ": "
                + String.join(".", java.util.Arrays.copyOf(path, i))
                + " must be a mapping, not "
                + kind(node));
      }
      node = ((Map<String, Object>) node).get(path[i]);
    }
    if (node == null) {
      return "";
    }
    if (!(node instanceof String)) {
      throw new IdentityException(
          source + ": " + String.join(".", path) + " must be a string, not " + kind(node));
    }
    return (String) node;
  }

  private static String kind(Object o) {
    if (o instanceof Map) {
      return "a mapping";
    }
    if (o instanceof java.util.List) {
      return "a list";
    }
    String name = o.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    return ("aeiou".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
  }
}

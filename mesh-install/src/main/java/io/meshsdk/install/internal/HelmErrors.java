package io.meshsdk.install.internal;

import io.meshsdk.install.RenderException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns Helm's error text into a {@link RenderException}, without private key material. */
public final class HelmErrors {
  private static final List<Pattern> LOCATED =
      List.of(
          Pattern.compile("execution error at \\(([^()\\s]+)\\):\\s*(.*)", Pattern.DOTALL),
          Pattern.compile("parse error at \\(([^()\\s]+)\\):\\s*(.*)", Pattern.DOTALL),
          Pattern.compile("YAML parse error on (\\S+?):\\s*(.*)", Pattern.DOTALL),
          Pattern.compile("template: ([^\\s:]+(?::\\d+)*):\\s*(.*)", Pattern.DOTALL));
  private static final Pattern ANY_TEMPLATE =
      Pattern.compile("([\\w.-]+/(?:charts/[\\w.-]+/)?templates/[^\\s:()\"']+(?::\\d+)*)");
  private static final Pattern PEM_BLOCK =
      Pattern.compile(
          "-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(-----END [A-Z ]*PRIVATE KEY-----|$)",
          Pattern.DOTALL);
  private static final String DEBUG_HINT = "Use --debug flag to render out invalid YAML";

  private HelmErrors() {}

  /**
   * The exception for Helm's message.
   *
   * @param chart the chart's name
   * @param helmMessage Helm's error text
   * @param secrets texts to remove from the message (private keys given in values)
   */
  public static RenderException toException(
      String chart, String helmMessage, Collection<String> secrets) {
    String msg =
        redact(helmMessage == null ? "failed" : helmMessage, secrets)
            .replace(DEBUG_HINT, "")
            .strip();
    for (Pattern p : LOCATED) {
      Matcher m = p.matcher(msg);
      if (m.find()) {
        return new RenderException(chart, m.group(1), m.group(2).strip());
      }
    }
    Matcher m = ANY_TEMPLATE.matcher(msg);
    return new RenderException(chart, m.find() ? m.group(1) : null, msg);
  }

  /** Removes every PEM private key block and every line (of 16+ characters) of the secrets. */
  public static String redact(String text, Collection<String> secrets) {
    String out = PEM_BLOCK.matcher(text).replaceAll("<redacted private key>");
    List<String> lines = new ArrayList<>();
    for (String s : secrets) {
      for (String line : s.split("\n")) {
        String l = line.strip();
        if (l.length() >= 16 && !l.startsWith("-----")) {
          lines.add(l);
        }
      }
    }
    for (String l : lines) {
      out = out.replace(l, "<redacted>");
    }
    return out;
  }
}

package io.meshsdk.checks;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where the latest Linkerd versions come from, for "can determine the latest version" and the "… is
 * up-to-date" checks.
 *
 * <p>A {@link HealthChecker} has none by default: it is offline, and those checks warn. Enable
 * {@link #linkerdVersionCheck(Duration)} to ask {@code versioncheck.linkerd.io} as {@code linkerd
 * check} does, or supply the answer yourself (e.g. from an internal mirror).
 */
@FunctionalInterface
public interface VersionLookup {

  /**
   * The latest version of each channel.
   *
   * @param cliVersion the version the SDK reports as its own, e.g. {@code edge-26.8.3}
   * @param uuid the {@code linkerd-config} ConfigMap's UID, or {@code unknown}
   * @return channel name to version, e.g. {@code {"edge": "edge-26.8.3"}}
   * @throws Exception with the reason when the versions cannot be determined (the check reports it)
   */
  Map<String, String> latestVersions(String cliVersion, String uuid) throws Exception;

  /**
   * A fixed answer.
   *
   * @param versions channel name to version
   * @return the lookup
   */
  static VersionLookup of(Map<String, String> versions) {
    Map<String, String> copy = Map.copyOf(versions);
    return (cli, uuid) -> copy;
  }

  /**
   * Asks {@code https://versioncheck.linkerd.io/version.json?version=<cli>&uuid=<uuid>&source=cli},
   * as {@code linkerd check} does.
   *
   * @param timeout the longest the request may take, connection included
   * @return the lookup
   */
  static VersionLookup linkerdVersionCheck(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    return (cli, uuid) -> {
      HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
      URI uri =
          URI.create(
              "https://versioncheck.linkerd.io/version.json?version="
                  + URLEncoder.encode(cli, StandardCharsets.UTF_8)
                  + "&uuid="
                  + URLEncoder.encode(uuid, StandardCharsets.UTF_8)
                  + "&source=cli");
      HttpResponse<String> response;
      try {
        response =
            client.send(
                HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new IOException("GET " + uri + ": " + e, e);
      }
      if (response.statusCode() != 200) {
        throw new IOException("GET " + uri + " answered " + response.statusCode());
      }
      JsonElement json = JsonParser.parseString(response.body());
      if (!json.isJsonObject()) {
        throw new IOException("GET " + uri + " did not answer a JSON object");
      }
      Map<String, String> out = new LinkedHashMap<>();
      JsonObject o = json.getAsJsonObject();
      for (String k : o.keySet()) {
        out.put(k, o.get(k).getAsString());
      }
      return out;
    };
  }
}

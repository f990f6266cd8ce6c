package io.meshsdk.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.meshsdk.cli.demo.Demo;
import io.meshsdk.cli.demo.DemoStep;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mesh demo}: the seed's day with Linkerd in seven steps on an embedded cluster (no cluster,
 * no network, no set-up), every result computed by the SDK's public API.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = {
      "Walk through a first day with Linkerd on an embedded cluster: versions, pre-install"
          + " checks, install values, certificates, checks after the install, injection, data-plane"
          + " and viz checks. Nothing is contacted and nothing is written.",
      "Text for people (colour only on a terminal), or -o json: one JSON document."
    })
final class DemoCommand implements Callable<Integer> {
  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--step",
      paramLabel = "N",
      description = "Run only step N (1 to " + Demo.STEPS + ")")
  private String step;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "Output format: text (default) or json")
  private String output = "text";

  @Option(
      names = "--chart",
      paramLabel = "DIR",
      description =
          "Linkerd's linkerd-control-plane chart folder: step 3 renders the install manifests"
              + " from it")
  private Path chart;

  @Override
  public Integer call() {
    List<Integer> steps = steps();
    boolean json;
    switch (output) {
      case "text" -> json = false;
      case "json" -> json = true;
      default ->
          throw usage(
              "Invalid value for option '--output': '" + output + "'; expected text or json");
    }
    if (chart != null && !Files.isDirectory(chart)) {
      throw usage("--chart " + chart + ": not a folder (a linkerd-control-plane chart)");
    }
    PrintWriter out = spec.commandLine().getOut();
    boolean color = !json && System.console() != null; // as mesh check: colour on a terminal only
    Demo demo = Demo.create(Optional.ofNullable(chart), color);
    if (json) {
      JsonObject doc = new JsonObject();
      doc.add("demo", demo.about());
      JsonArray array = new JsonArray();
      for (int n : steps) {
        array.add(demo.step(n).json());
      }
      doc.add("steps", array);
      out.println(
          new GsonBuilder()
              .setPrettyPrinting()
              .serializeNulls()
              .disableHtmlEscaping()
              .create()
              .toJson(doc));
    } else {
      if (steps.size() > 1) {
        out.println(demo.introduction());
        out.println();
      }
      for (int i = 0; i < steps.size(); i++) {
        DemoStep s = demo.step(steps.get(i));
        if (i > 0) {
          out.println();
        }
        out.print(s.text());
        out.flush(); // a step at a time, as it is ready
      }
    }
    out.flush();
    return MeshCommand.OK;
  }

  private List<Integer> steps() {
    List<Integer> all = new ArrayList<>();
    if (step == null) {
      for (int n = 1; n <= Demo.STEPS; n++) {
        all.add(n);
      }
      return all;
    }
    int n;
    try {
      n = Integer.parseInt(step.strip());
    } catch (NumberFormatException e) {
      throw usage("Invalid value for option '--step': '" + step + "'; expected 1 to " + Demo.STEPS);
    }
    if (n < 1 || n > Demo.STEPS) {
      throw usage(
          "Invalid value for option '--step': " + n + "; there are steps 1 to " + Demo.STEPS);
    }
    all.add(n);
    return all;
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}

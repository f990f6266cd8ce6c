package io.meshsdk.cli.demo;

import com.google.gson.JsonObject;

/**
 * One step of {@code mesh demo}: its number, title, the text for people and the same content as a
 * JSON object for machines. Immutable once made (the JSON object is copied on access).
 */
public final class DemoStep {
  private final int number;
  private final String title;
  private final String text;
  private final JsonObject json;

  DemoStep(int number, String title, String text, JsonObject json) {
    this.number = number;
    this.title = title;
    this.text = text;
    this.json = json.deepCopy();
  }

  /**
   * The step's number.
   *
   * @return 1 to {@link Demo#STEPS}
   */
  public int number() {
    return number;
  }

  /**
   * The step's title.
   *
   * @return e.g. {@code Versions}
   */
  public String title() {
    return title;
  }

  /**
   * The step for people: a heading, the command it stands for, its results.
   *
   * @return lines ending with a line break
   */
  public String text() {
    return text;
  }

  /**
   * The step for machines.
   *
   * @return a copy of the step's JSON object ({@code step}, {@code title}, {@code command} and the
   *     step's results)
   */
  public JsonObject json() {
    return json.deepCopy();
  }
}

package io.meshsdk.core.identity.internal;

import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A port of Go's {@code encoding/pem.Decode}, quirks included: text before a block is skipped, a
 * malformed block is skipped in favour of the next one, and the rest starts after the END line.
 * Stateless.
 */
public final class GoPem {
  private static final String PEM_START = "\n-----BEGIN ";
  private static final String PEM_END = "\n-----END ";
  private static final String PEM_END_OF_LINE = "-----";

  private GoPem() {}

  /** One decoded PEM block. */
  public static final class Block {
    private final String type;
    private final Map<String, String> headers;
    private final byte[] bytes;
    private final int offset;

    Block(String type, Map<String, String> headers, byte[] bytes, int offset) {
      this.type = type;
      this.headers = Collections.unmodifiableMap(headers);
      this.bytes = bytes;
      this.offset = offset;
    }

    /**
     * The block type, e.g. {@code CERTIFICATE}.
     *
     * @return the type
     */
    public String type() {
      return type;
    }

    /**
     * The RFC 1421 headers, e.g. {@code Proc-Type}.
     *
     * @return an unmodifiable map
     */
    public Map<String, String> headers() {
      return headers;
    }

    /**
     * The decoded content; callers must not modify it.
     *
     * @return the DER bytes
     */
    public byte[] bytes() {
      return bytes;
    }

    /**
     * Where the BEGIN line starts in the decoded text.
     *
     * @return a char offset
     */
    public int offset() {
      return offset;
    }

    @Override
    public String toString() {
      return "PEM block " + type;
    }
  }

  /** The outcome of one {@link #decode} call: a block or none, and the text after it. */
  public static final class Result {
    private final Block block;
    private final String rest;
    private final int restOffset;

    Result(Block block, String rest, int restOffset) {
      this.block = block;
      this.rest = rest;
      this.restOffset = restOffset;
    }

    /**
     * The block found, or null (Go's {@code nil}).
     *
     * @return the block or null
     */
    public Block block() {
      return block;
    }

    /**
     * The text after the block (the whole input when none was found).
     *
     * @return the rest
     */
    public String rest() {
      return rest;
    }

    /**
     * Where the rest starts, as an offset relative to the decoded text.
     *
     * @return a char offset
     */
    public int restOffset() {
      return restOffset;
    }
  }

  /**
   * Finds the next PEM block, exactly as Go's {@code pem.Decode} does.
   *
   * @param data the text
   * @return the block (or none) and the rest
   */
  public static Result decode(String data) {
    int pos = 0;
    while (true) {
      int afterStart;
      if (data.startsWith(PEM_START.substring(1), pos)) {
        afterStart = pos + PEM_START.length() - 1;
      } else {
        int i = data.indexOf(PEM_START, pos);
        if (i < 0) {
          return new Result(null, data, 0);
        }
        afterStart = i + PEM_START.length();
      }
      int blockStart = data.lastIndexOf("-----BEGIN ", afterStart);
      Line typeLine = getLine(data, afterStart);
      pos = typeLine.next;
      if (!typeLine.text.endsWith(PEM_END_OF_LINE)) {
        continue;
      }
      String type = typeLine.text.substring(0, typeLine.text.length() - PEM_END_OF_LINE.length());

      Map<String, String> headers = new LinkedHashMap<>();
      boolean truncated = false;
      while (true) {
        if (pos >= data.length()) {
          truncated = true;
          break;
        }
        Line line = getLine(data, pos);
        int colon = line.text.indexOf(':');
        if (colon < 0) {
          break;
        }
        headers.put(line.text.substring(0, colon).strip(), line.text.substring(colon + 1).strip());
        pos = line.next;
      }
      if (truncated) {
        return new Result(null, data, 0);
      }

      int endIndex;
      int endTrailerIndex;
      if (headers.isEmpty() && data.startsWith(PEM_END.substring(1), pos)) {
        endIndex = pos;
        endTrailerIndex = pos + PEM_END.length() - 1;
      } else {
        endIndex = data.indexOf(PEM_END, pos);
        endTrailerIndex = endIndex + PEM_END.length();
      }
      if (endIndex < 0) {
        continue;
      }
      int endTrailerLen = type.length() + PEM_END_OF_LINE.length();
      if (data.length() - endTrailerIndex < endTrailerLen) {
        continue;
      }
      String endTrailer = data.substring(endTrailerIndex, endTrailerIndex + endTrailerLen);
      if (!endTrailer.startsWith(type) || !endTrailer.endsWith(PEM_END_OF_LINE)) {
        continue;
      }
      if (!getLine(data, endTrailerIndex + endTrailerLen).text.isEmpty()) {
        continue;
      }
      byte[] bytes = base64(data.substring(pos, endIndex));
      if (bytes == null) {
        continue;
      }
      // skip the rest of the END line, as Go does
      int restStart = getLine(data, endIndex + PEM_END.length() - 1).next;
      Block block = new Block(type, headers, bytes, Math.max(blockStart, 0));
      return new Result(block, data.substring(restStart), restStart);
    }
  }

  /**
   * Go's {@code base64.StdEncoding.Decode} after removing spaces and tabs: line breaks are ignored,
   * padding is required.
   *
   * @param body the base64 text
   * @return the bytes, or null when the text is not valid base64
   */
  static byte[] base64(String body) {
    StringBuilder b = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        b.append(c);
      }
    }
    if (b.length() % 4 != 0) {
      return null;
    }
    try {
      return Base64.getDecoder().decode(b.toString());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static final class Line {
    final String text;
    final int next;

    Line(String text, int next) {
      this.text = text;
      this.next = next;
    }
  }

  /** Go's {@code getLine}: the line without its break and trailing spaces/tabs, and the rest. */
  private static Line getLine(String data, int from) {
    int i = data.indexOf('\n', from);
    int end;
    int next;
    if (i < 0) {
      end = data.length();
      next = end;
    } else {
      next = i + 1;
      end = i > from && data.charAt(i - 1) == '\r' ? i - 1 : i;
    }
    int e = end;
    while (e > from && (data.charAt(e - 1) == ' ' || data.charAt(e - 1) == '\t')) {
      e--;
    }
    return new Line(data.substring(from, Math.max(from, e)), next);
  }

  private static final java.util.Set<String> KNOWN_TYPES =
      java.util.Set.of(
          "CERTIFICATE",
          "TRUSTED CERTIFICATE",
          "X509 CRL",
          "CERTIFICATE REQUEST",
          "NEW CERTIFICATE REQUEST",
          "PRIVATE KEY",
          "EC PRIVATE KEY",
          "RSA PRIVATE KEY",
          "DSA PRIVATE KEY",
          "ENCRYPTED PRIVATE KEY",
          "OPENSSH PRIVATE KEY",
          "PUBLIC KEY",
          "RSA PUBLIC KEY",
          "EC PARAMETERS",
          "DH PARAMETERS",
          "PKCS7",
          "CMS");

  /**
   * A block type as messages may show it: a known type quoted ({@code 'EC PRIVATE KEY'}), any other
   * only by its length, since the "type" of a damaged file can be part of its content.
   *
   * @param type the type text
   * @return {@code 'TYPE'} or {@code of an unknown type (N characters)}
   */
  public static String shownType(String type) {
    return KNOWN_TYPES.contains(type)
        ? "'" + type + "'"
        : "of an unknown type (" + type.length() + " characters)";
  }

  /**
   * Whether {@link #shownType} shows the type itself.
   *
   * @param type the type text
   * @return true for a known type
   */
  public static boolean isKnownType(String type) {
    return KNOWN_TYPES.contains(type);
  }

  /**
   * The 1-based line number of a char offset.
   *
   * @param text the text
   * @param offset a char offset in it
   * @return the line number
   */
  public static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < Math.min(offset, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}

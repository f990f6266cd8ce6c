package io.meshsdk.core.identity.internal;

import io.meshsdk.core.identity.IdentityException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads certificate lists and private keys from PEM text, in two modes.
 *
 * <ul>
 *   <li><b>Linkerd</b> (text from the cluster): Linkerd's {@code DecodePEMCertificates} and {@code
 *       DecodePEMKey} with their quirks and exact messages: the first non-certificate block ends a
 *       certificate list silently; anything after the last block, even one blank line, is "not a
 *       PEM certificate"; empty text is zero certificates.
 *   <li><b>Strict</b> (files): the same acceptance, plus empty files, binary (DER) files, private
 *       keys in certificate files, skipped malformed blocks and stray blocks are errors, and every
 *       message names the file and the line.
 * </ul>
 */
public final class PemReader {
  private PemReader() {}

  /**
   * Linkerd's {@code DecodePEMCertificates}.
   *
   * @param text the PEM text
   * @return the certificates, possibly none
   * @throws IdentityException "not a PEM certificate" or Go's parse error
   */
  public static List<CertFacts> linkerdCertificates(String text) {
    List<CertFacts> certs = new ArrayList<>();
    String buf = text;
    while (!buf.isEmpty()) {
      GoPem.Result r = GoPem.decode(buf);
      if (r.block() == null) {
        throw new IdentityException("not a PEM certificate");
      }
      if (!r.block().type().equals("CERTIFICATE")) {
        break;
      }
      try {
        certs.add(CertFacts.parse(r.block().bytes()));
      } catch (CertificateException e) {
        throw new IdentityException(e.getMessage());
      }
      buf = r.rest();
    }
    return certs;
  }

  /**
   * Linkerd's {@code DecodePEMKey}: the first PEM block must be a supported private key.
   *
   * @param text the PEM text
   * @return the key
   * @throws IdentityException "not PEM-encoded", "unsupported block type: 'X'" or a parse error
   */
  public static PrivateKey linkerdKey(String text) {
    GoPem.Result r = GoPem.decode(text);
    if (r.block() == null) {
      throw new IdentityException("not PEM-encoded");
    }
    return Keys.parse(r.block());
  }

  /**
   * Strict certificate reading for files.
   *
   * @param bytes the file content
   * @param label names the input in messages, e.g. {@code trust anchors file ca.crt}
   * @return at least one certificate
   * @throws IdentityException naming the label, the problem and the line
   */
  public static List<CertFacts> strictCertificates(byte[] bytes, String label) {
    String text = strictText(bytes, label, "x509", "certificate");
    List<CertFacts> certs = new ArrayList<>();
    int base = 0;
    String buf = text;
    while (!buf.isEmpty()) {
      GoPem.Result r = GoPem.decode(buf);
      if (r.block() == null) {
        throw new IdentityException(
            label + ": " + diagnose(text, base, !certs.isEmpty(), "not a PEM certificate"));
      }
      GoPem.Block block = r.block();
      int at = base + block.offset();
      checkNothingSkipped(text, base, at, label);
      int line = GoPem.lineOf(text, at);
      if (!block.type().equals("CERTIFICATE")) {
        String shown =
            GoPem.isKnownType(block.type())
                ? GoPem.shownType(block.type()) + " block"
                : "block " + GoPem.shownType(block.type());
        throw new IdentityException(
            label
                + ": "
                + (block.type().contains("PRIVATE KEY")
                    ? "holds a private key (" + shown + " at line " + line + "), not a certificate"
                    : "holds a "
                        + shown
                        + " at line "
                        + line
                        + "; only CERTIFICATE blocks are allowed"));
      }
      try {
        certs.add(CertFacts.parse(block.bytes()));
      } catch (CertificateException e) {
        throw new IdentityException(
            label + ": the certificate at line " + line + " cannot be parsed: " + e.getMessage());
      }
      base += r.restOffset();
      buf = r.rest();
    }
    return certs;
  }

  /**
   * Strict private key reading for files.
   *
   * @param bytes the file content
   * @param label names the input in messages, e.g. {@code issuer key file issuer.key}
   * @return the key
   * @throws IdentityException naming the label, the problem and the line
   */
  public static PrivateKey strictKey(byte[] bytes, String label) {
    String text = strictText(bytes, label, "pkey", "private key");
    GoPem.Result r = GoPem.decode(text);
    if (r.block() == null) {
      throw new IdentityException(label + ": " + diagnose(text, 0, false, "not PEM-encoded"));
    }
    GoPem.Block block = r.block();
    checkNothingSkipped(text, 0, block.offset(), label);
    int line = GoPem.lineOf(text, block.offset());
    if (block.type().equals("CERTIFICATE")) {
      throw new IdentityException(
          label
              + ": holds a certificate ('CERTIFICATE' block at line "
              + line
              + "), not a private key");
    }
    if (block.type().equals("ENCRYPTED PRIVATE KEY")) {
      throw new IdentityException(
          label
              + ": the private key is encrypted ('ENCRYPTED PRIVATE"
              + " KEY' block at line "
              + line
              + "); Linkerd needs an unencrypted key: decrypt it"
              + " first, e.g. openssl pkey -in KEY -out PLAIN_KEY");
    }
    try {
      return Keys.parse(block);
    } catch (IdentityException e) {
      throw new IdentityException(label + ": " + e.getMessage() + " (block at line " + line + ")");
    }
  }

  private static String strictText(byte[] bytes, String label, String opensslTool, String what) {
    if (bytes.length == 0) {
      throw new IdentityException(label + ": file is empty");
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (!text.contains("-----BEGIN ") && looksBinary(bytes)) {
      throw new IdentityException(
          label
              + ": not PEM: the file is binary (DER?); convert it"
              + " with: openssl "
              + opensslTool
              + " -inform der -in FILE -out FILE.pem");
    }
    if (text.isBlank()) {
      throw new IdentityException(label + ": file holds only whitespace, no " + what);
    }
    return text;
  }

  private static boolean looksBinary(byte[] bytes) {
    if ((bytes[0] & 0xff) == 0x30) {
      return true;
    }
    for (byte b : bytes) {
      int c = b & 0xff;
      if (c < 0x09 || (c > 0x0d && c < 0x20)) {
        return true;
      }
    }
    return false;
  }

  /** Go skips malformed blocks silently; a strict reader does not. */
  private static void checkNothingSkipped(String text, int from, int blockAt, String label) {
    int earlier = text.indexOf("-----BEGIN ", from);
    if (earlier >= 0 && earlier < blockAt) {
      throw new IdentityException(label + ": " + describeBrokenBlock(text, earlier));
    }
  }

  private static String diagnose(String text, int from, boolean afterBlock, String goMessage) {
    int begin = text.indexOf("-----BEGIN ", from);
    if (begin >= 0) {
      return describeBrokenBlock(text, begin);
    }
    String rest = text.substring(from);
    int line = GoPem.lineOf(text, from + (rest.length() - rest.stripLeading().length()));
    if (!afterBlock) {
      return goMessage + ": no '-----BEGIN' line found";
    }
    if (rest.isBlank()) {
      return goMessage
          + ": blank line(s) after the last END line (line "
          + GoPem.lineOf(text, from)
          + "); Linkerd rejects anything after the last PEM block,"
          + " even an empty line";
    }
    return goMessage + ": unexpected text after the last PEM block at line " + line;
  }

  /**
   * Describes a block Go could not decode, by its line, type and length only: never a byte of its
   * content (the BEGIN line's type is taken up to its own {@code -----}, and only when it is a
   * plausible type name, so a file without LF line breaks cannot put its body into the message).
   */
  private static String describeBrokenBlock(String text, int begin) {
    int line = GoPem.lineOf(text, begin);
    int typeStart = begin + "-----BEGIN ".length();
    int close = text.indexOf("-----", typeStart);
    int eol = lineEnd(text, begin);
    String hint = breakHint(text, begin);
    if (close < 0 || close > eol || !isTypeName(text, typeStart, close)) {
      return "malformed BEGIN line at line " + line + hint;
    }
    String type = text.substring(typeStart, close);
    String end = "-----END " + type + "-----";
    int endAt = text.indexOf(end, close);
    String block = "PEM block " + GoPem.shownType(type);
    if (endAt < 0) {
      return block
          + " at line "
          + line
          + " has no "
          + (GoPem.isKnownType(type) ? "'" + end + "'" : "matching END")
          + " line (truncated?)"
          + hint;
    }
    int length = 0;
    for (int i = close + 5; i < endAt; i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        length++;
      }
    }
    return block
        + " at line "
        + line
        + " has invalid base64 content ("
        + length
        + " characters; truncated or corrupted)"
        + hint;
  }

  private static int lineEnd(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        return i;
      }
    }
    return text.length();
  }

  private static boolean isTypeName(String text, int from, int to) {
    if (to - from < 1 || to - from > 64) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ' ')) {
        return false;
      }
    }
    return true;
  }

  /** Why the lines of a block may not be lines at all: CR-only breaks, or literal \n escapes. */
  private static String breakHint(String text, int begin) {
    String rest = text.substring(begin);
    if (rest.indexOf('\r') >= 0 && rest.indexOf('\n') < 0) {
      return "; its lines end with CR only: Linkerd needs LF (or CRLF) line breaks";
    }
    if (rest.indexOf('\n') < 0 && rest.contains("\\n")) {
      return "; it holds literal \\n escapes instead of line breaks (pasted from JSON?)";
    }
    return "";
  }
}

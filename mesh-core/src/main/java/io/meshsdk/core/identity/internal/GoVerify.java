package io.meshsdk.core.identity.internal;

import io.meshsdk.core.internal.go.GoText;
import io.meshsdk.core.internal.go.GoTime;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A port of Go's {@code (*x509.Certificate).Verify}: chains are built by issuer/subject name (key
 * identifiers only order the candidates), signatures are checked, every certificate must be in its
 * validity period, intermediates must be CAs, path lengths are enforced, and the chain must allow
 * serverAuth (a certificate without extended key usages, or with anyExtendedKeyUsage, allows it).
 * Key usage bits are not enforced except that a parent with key usages must have keyCertSign. Name
 * constraints and certificate policies are not evaluated. Error texts are Go's. Stateless.
 */
public final class GoVerify {
  private static final HexFormat HEX = HexFormat.of();

  private static final int MAX_SIGNATURE_CHECKS = 100;
  private static final String CONSTRAINT_VIOLATION =
      "x509: invalid signature: parent certificate cannot sign this kind of certificate";
  private static final String UNSUPPORTED_ALGORITHM =
      "x509: cannot verify signature: algorithm unimplemented";

  /** The role of a certificate in the chain being built. */
  private enum Kind {
    LEAF,
    INTERMEDIATE,
    ROOT
  }

  private GoVerify() {}

  /** A verification failure with Go's message. */
  public static final class VerifyException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean expired;

    VerifyException(String message, boolean expired) {
      super(message, null, false, false);
      this.expired = expired;
    }

    /**
     * Whether Go would report this as a {@code CertificateInvalidError} with reason {@code Expired}
     * (the certificate being verified is outside its validity period).
     *
     * @return true for an expiry of the verified certificate itself
     */
    public boolean isExpiry() {
      return expired;
    }
  }

  /** A deduplicating certificate pool indexed by subject, like Go's {@code CertPool}. */
  private static final class Pool {
    private final List<CertFacts> certs = new ArrayList<>();
    private final Map<String, List<CertFacts>> byName = new LinkedHashMap<>();

    Pool(List<CertFacts> in) {
      for (CertFacts c : in) {
        if (!contains(c)) {
          certs.add(c);
          byName.computeIfAbsent(HEX.formatHex(c.rawSubject()), k -> new ArrayList<>()).add(c);
        }
      }
    }

    boolean contains(CertFacts c) {
      return certs.stream().anyMatch(x -> Arrays.equals(x.raw(), c.raw()));
    }

    List<CertFacts> potentialParents(CertFacts c) {
      List<CertFacts> matching = new ArrayList<>();
      List<CertFacts> oneKeyId = new ArrayList<>();
      List<CertFacts> mismatch = new ArrayList<>();
      for (CertFacts candidate : byName.getOrDefault(HEX.formatHex(c.rawIssuer()), List.of())) {
        byte[] skid = candidate.subjectKeyId();
        byte[] akid = c.authorityKeyId();
        if (Arrays.equals(skid, akid)) {
          matching.add(candidate);
        } else if ((skid.length == 0 && akid.length > 0) || (skid.length > 0 && akid.length == 0)) {
          oneKeyId.add(candidate);
        } else {
          mismatch.add(candidate);
        }
      }
      matching.addAll(oneKeyId);
      matching.addAll(mismatch);
      return matching;
    }
  }

  /**
   * Verifies a certificate as Go's {@code Verify} does with the given options and the default key
   * usage (serverAuth).
   *
   * @param leaf the certificate to verify
   * @param roots the root pool (may be empty: nothing verifies then)
   * @param intermediates the intermediate pool
   * @param dnsName the name to check against the SAN DNS names, or empty for none
   * @param now the verification time
   * @return the first valid chain, leaf first
   * @throws VerifyException with Go's message when no valid chain exists
   */
  public static List<CertFacts> verify(
      CertFacts leaf,
      List<CertFacts> roots,
      List<CertFacts> intermediates,
      String dnsName,
      Instant now)
      throws VerifyException {
    Pool rootPool = new Pool(roots);
    Pool intermediatePool = new Pool(intermediates);
    String invalid = isValid(leaf, Kind.LEAF, List.of(), now);
    if (invalid != null) {
      throw new VerifyException(invalid, invalid.startsWith("x509: certificate has expired"));
    }
    if (dnsName != null && !dnsName.isEmpty()) {
      verifyHostname(leaf, dnsName);
    }
    List<List<CertFacts>> chains;
    if (rootPool.contains(leaf)) {
      chains = List.of(List.of(leaf));
    } else {
      chains = buildChains(leaf, List.of(leaf), new int[1], rootPool, intermediatePool, now);
    }
    for (List<CertFacts> chain : chains) {
      if (chainAllowsServerAuth(chain)) {
        return chain;
      }
    }
    throw new VerifyException("x509: certificate specifies an incompatible key usage", false);
  }

  private static List<List<CertFacts>> buildChains(
      CertFacts c,
      List<CertFacts> current,
      int[] sigChecks,
      Pool roots,
      Pool intermediates,
      Instant now)
      throws VerifyException {
    List<List<CertFacts>> chains = new ArrayList<>();
    String[] hint = new String[1];
    CertFacts[] hintCert = new CertFacts[1];
    VerifyException[] err = new VerifyException[1];

    for (int pass = 0; pass < 2; pass++) {
      Kind kind = pass == 0 ? Kind.ROOT : Kind.INTERMEDIATE;
      for (CertFacts candidate : (pass == 0 ? roots : intermediates).potentialParents(c)) {
        if ("0".equals(candidate.publicKeyAlgorithm()) || alreadyInChain(candidate, current)) {
          continue;
        }
        if (++sigChecks[0] > MAX_SIGNATURE_CHECKS) {
          err[0] =
              new VerifyException(
                  "x509: signature check attempts limit reached while"
                      + " verifying certificate chain",
                  false);
          continue;
        }
        String failure = checkSignatureFrom(c, candidate);
        if (failure == null) {
          failure = isValid(candidate, kind, current, now);
        }
        if (failure != null) {
          if (hint[0] == null) {
            hint[0] = failure;
            hintCert[0] = candidate;
          }
          continue;
        }
        List<CertFacts> extended = new ArrayList<>(current);
        extended.add(candidate);
        if (kind == Kind.ROOT) {
          chains.add(extended);
        } else {
          try {
            chains.addAll(buildChains(candidate, extended, sigChecks, roots, intermediates, now));
            err[0] = null;
          } catch (VerifyException e) {
            err[0] = e;
          }
        }
      }
    }
    if (!chains.isEmpty()) {
      return chains;
    }
    if (err[0] != null) {
      throw err[0];
    }
    String message = "x509: certificate signed by unknown authority";
    if (hint[0] != null) {
      message +=
          " (possibly because of "
              + GoText.quote(hint[0])
              + " while trying to verify candidate authority certificate "
              + GoText.quote(hintCert[0].displayName())
              + ")";
    }
    throw new VerifyException(message, false);
  }

  private static boolean alreadyInChain(CertFacts candidate, List<CertFacts> chain) {
    for (CertFacts c : chain) {
      if (Arrays.equals(candidate.rawSubject(), c.rawSubject())
          && Arrays.equals(
              candidate.certificate().getPublicKey().getEncoded(),
              c.certificate().getPublicKey().getEncoded())) {
        byte[] a = candidate.certificate().getExtensionValue("2.5.29.17");
        byte[] b = c.certificate().getExtensionValue("2.5.29.17");
        if ((a == null && b == null) || (a != null && b != null && Arrays.equals(a, b))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Go's {@code isValid}: critical extensions, name chaining, validity period, CA flag of
   * intermediates, path length.
   */
  private static String isValid(CertFacts c, Kind kind, List<CertFacts> current, Instant now) {
    if (c.hasUnhandledCriticalExtension()) {
      return "x509: unhandled critical extension";
    }
    if (!current.isEmpty()
        && !Arrays.equals(current.get(current.size() - 1).rawIssuer(), c.rawSubject())) {
      return "x509: issuer name does not match subject from issuing certificate";
    }
    if (now.isBefore(c.notBefore())) {
      return "x509: certificate has expired or is not yet valid: current time "
          + GoTime.rfc3339(now)
          + " is before "
          + GoTime.rfc3339(c.notBefore());
    }
    if (now.isAfter(c.notAfter())) {
      return "x509: certificate has expired or is not yet valid: current time "
          + GoTime.rfc3339(now)
          + " is after "
          + GoTime.rfc3339(c.notAfter());
    }
    if (kind == Kind.INTERMEDIATE && (!c.basicConstraintsValid() || !c.isCa())) {
      return "x509: certificate is not authorized to sign other certificates";
    }
    if (c.basicConstraintsValid() && c.maxPathLen() >= 0) {
      int numIntermediates = current.size() - 1;
      if (numIntermediates > c.maxPathLen()) {
        return "x509: too many intermediates for path length constraint";
      }
    }
    return null;
  }

  /** Go's {@code CheckSignatureFrom}: the parent may sign, and the signature holds. */
  static String checkSignatureFrom(CertFacts child, CertFacts parent) {
    if ((parent.version() == 3 && !parent.basicConstraintsValid())
        || (parent.basicConstraintsValid() && !parent.isCa())) {
      return CONSTRAINT_VIOLATION;
    }
    if (parent.keyUsage() != 0 && (parent.keyUsage() & CertFacts.KEY_USAGE_CERT_SIGN) == 0) {
      return CONSTRAINT_VIOLATION;
    }
    if ("0".equals(parent.publicKeyAlgorithm())) {
      return UNSUPPORTED_ALGORITHM;
    }
    return checkSignature(child, parent);
  }

  private static String checkSignature(CertFacts child, CertFacts parent) {
    String alg = child.signatureAlgorithm();
    String keyAlg = parent.publicKeyAlgorithm();
    String expectedKey;
    if (alg.equals("MD5-RSA") || alg.endsWith("SHA1") || alg.equals("SHA1-RSA")) {
      return "x509: cannot verify signature: insecure algorithm " + alg;
    }
    if (alg.endsWith("-RSA") || alg.endsWith("-RSAPSS")) {
      expectedKey = "RSA";
    } else if (alg.startsWith("ECDSA-")) {
      expectedKey = "ECDSA";
    } else if (alg.equals("Ed25519")) {
      expectedKey = "Ed25519";
    } else {
      return UNSUPPORTED_ALGORITHM;
    }
    if (alg.equals("MD2-RSA")) {
      return UNSUPPORTED_ALGORITHM;
    }
    if (keyAlg.equals("DSA")) {
      return UNSUPPORTED_ALGORITHM;
    }
    if (!expectedKey.equals(keyAlg)) {
      return "x509: signature algorithm specifies an "
          + expectedKey
          + " public key, but have public key of type "
          + goKeyType(keyAlg);
    }
    boolean ok;
    try {
      ok = verifySignature(child, parent.certificate().getPublicKey(), alg);
    } catch (GeneralSecurityException | RuntimeException e) {
      ok = false;
    }
    if (ok) {
      return null;
    }
    switch (expectedKey) {
      case "RSA":
        return "crypto/rsa: verification error";
      case "ECDSA":
        return "x509: ECDSA verification failure";
      default:
        return "x509: Ed25519 verification failure";
    }
  }

  private static boolean verifySignature(CertFacts child, PublicKey key, String goAlg)
      throws GeneralSecurityException {
    Signature s;
    if (goAlg.endsWith("-RSAPSS")) {
      String hash = goAlg.substring(0, goAlg.indexOf('-'));
      String jcaHash = "SHA-" + hash.substring(3);
      s = Signature.getInstance("RSASSA-PSS");
      s.setParameter(
          new PSSParameterSpec(
              jcaHash,
              "MGF1",
              new MGF1ParameterSpec(jcaHash),
              Integer.parseInt(hash.substring(3)) / 8,
              1));
    } else if (goAlg.equals("Ed25519")) {
      s = Signature.getInstance("Ed25519");
    } else if (goAlg.startsWith("ECDSA-")) {
      s = Signature.getInstance(goAlg.substring(6) + "withECDSA");
    } else {
      s = Signature.getInstance(goAlg.substring(0, goAlg.indexOf('-')) + "withRSA");
    }
    s.initVerify(key);
    s.update(child.certificate().getTBSCertificate());
    return s.verify(child.certificate().getSignature());
  }

  private static String goKeyType(String goAlg) {
    switch (goAlg) {
      case "RSA":
        return "*rsa.PublicKey";
      case "ECDSA":
        return "*ecdsa.PublicKey";
      case "Ed25519":
        return "ed25519.PublicKey";
      case "DSA":
        return "*dsa.PublicKey";
      default:
        return "<nil>";
    }
  }

  /** Go's {@code checkChainForKeyUsage} with the single requested usage serverAuth. */
  private static boolean chainAllowsServerAuth(List<CertFacts> chain) {
    for (int i = chain.size() - 1; i >= 0; i--) {
      List<String> ekus = chain.get(i).extKeyUsages();
      if (ekus.isEmpty() || ekus.contains(CertFacts.EKU_ANY)) {
        continue;
      }
      if (!ekus.contains(CertFacts.EKU_SERVER_AUTH)) {
        return false;
      }
    }
    return true;
  }

  private static void verifyHostname(CertFacts c, String host) throws VerifyException {
    String wanted = host.toLowerCase(Locale.ROOT);
    for (String name : c.dnsNames()) {
      if (name.toLowerCase(Locale.ROOT).equals(wanted) || matchHostnames(name, wanted)) {
        return;
      }
    }
    boolean hasSan = c.certificate().getExtensionValue("2.5.29.17") != null;
    String message;
    if (!hasSan && matchHostnames(c.commonName(), wanted)) {
      message = "x509: certificate relies on legacy Common Name field, use SANs instead";
    } else if (c.dnsNames().isEmpty()) {
      message = "x509: certificate is not valid for any names, but wanted to match " + host;
    } else {
      message =
          "x509: certificate is valid for " + String.join(", ", c.dnsNames()) + ", not " + host;
    }
    throw new VerifyException(message, false);
  }

  private static boolean matchHostnames(String pattern, String host) {
    String p = pattern.toLowerCase(Locale.ROOT);
    String h = host.toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    if (p.isEmpty() || h.isEmpty()) {
      return false;
    }
    String[] pp = p.split("\\.", -1);
    String[] hp = h.split("\\.", -1);
    if (pp.length != hp.length) {
      return false;
    }
    for (int i = 0; i < pp.length; i++) {
      if (i == 0 && pp[i].equals("*")) {
        continue;
      }
      if (!pp[i].equals(hp[i])) {
        return false;
      }
    }
    return true;
  }
}

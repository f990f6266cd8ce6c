package io.meshsdk.testing.internal;

import com.google.gson.JsonObject;
import com.google.protobuf.InvalidProtocolBufferException;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1Authorization;
import java.util.Arrays;
import java.util.Optional;

/**
 * Request bodies in Kubernetes' protobuf encoding ({@code application/vnd.kubernetes.protobuf}),
 * which client-go (and so kubectl) uses for built-in types such as {@code SelfSubjectAccessReview}:
 * the {@code k8s\0} magic, a {@code runtime.Unknown} envelope and the object. Only access reviews
 * are decoded; the server answers in JSON, which such clients accept.
 */
public final class ProtobufBodies {
  /** The content type. */
  public static final String CONTENT_TYPE = "application/vnd.kubernetes.protobuf";

  private static final byte[] MAGIC = {'k', '8', 's', 0};

  private ProtobufBodies() {}

  /**
   * The JSON form of a protobuf body, when it is a kind this server decodes.
   *
   * @param body the bytes
   * @return the JSON object, empty for other kinds
   * @throws IllegalArgumentException when the bytes are not a Kubernetes protobuf envelope
   */
  public static Optional<JsonObject> toJson(byte[] body) {
    if (body.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(body, MAGIC.length), MAGIC)) {
      throw new IllegalArgumentException("the protobuf body does not start with the k8s magic");
    }
    try {
      Runtime.Unknown envelope =
          Runtime.Unknown.parseFrom(Arrays.copyOfRange(body, MAGIC.length, body.length));
      String kind = envelope.getTypeMeta().getKind();
      if (!kind.equals("SelfSubjectAccessReview")) {
        return Optional.empty();
      }
      V1Authorization.SelfSubjectAccessReview review =
          V1Authorization.SelfSubjectAccessReview.parseFrom(envelope.getRaw());
      JsonObject spec = new JsonObject();
      if (review.getSpec().hasResourceAttributes()) {
        V1Authorization.ResourceAttributes a = review.getSpec().getResourceAttributes();
        JsonObject ra = new JsonObject();
        ra.addProperty("namespace", a.getNamespace());
        ra.addProperty("verb", a.getVerb());
        ra.addProperty("group", a.getGroup());
        ra.addProperty("version", a.getVersion());
        ra.addProperty("resource", a.getResource());
        ra.addProperty("subresource", a.getSubresource());
        ra.addProperty("name", a.getName());
        spec.add("resourceAttributes", ra);
      }
      if (review.getSpec().hasNonResourceAttributes()) {
        V1Authorization.NonResourceAttributes a = review.getSpec().getNonResourceAttributes();
        JsonObject na = new JsonObject();
        na.addProperty("path", a.getPath());
        na.addProperty("verb", a.getVerb());
        spec.add("nonResourceAttributes", na);
      }
      JsonObject out = new JsonObject();
      out.addProperty("apiVersion", envelope.getTypeMeta().getApiVersion());
      out.addProperty("kind", kind);
      out.add("metadata", new JsonObject());
      out.add("spec", spec);
      return Optional.of(out);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("the protobuf body does not decode: " + e.getMessage(), e);
    }
  }
}

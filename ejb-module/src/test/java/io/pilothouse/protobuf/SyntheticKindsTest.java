package io.pilothouse.protobuf;

import static io.pilothouse.protobuf.ProtobufWriter.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Kinds kubectl does not send as protobuf (node agents, controllers and client-go do), built field
 * by field with upstream's field numbers: times, quantities, managed fields, request-only kinds.
 */
class SyntheticKindsTest {

  private static final long SECONDS = 1_700_000_000L; // 2023-11-14T22:13:20Z

  private static ProtobufWriter w() {
    return new ProtobufWriter();
  }

  private static ProtobufWriter time(long seconds, long nanos) {
    return w().varint(1, seconds).varint(2, nanos);
  }

  private static ProtobufWriter meta(String name) {
    return w().string(1, name).string(2, "").string(3, "ns").varint(7, 0).message(8, w());
  }

  @Test
  void leaseWithMicroTimes() {
    ProtobufWriter spec =
        w().string(1, "node-1")
            .varint(2, 40)
            .message(3, time(SECONDS, 123_456_789))
            .message(4, time(SECONDS + 10, 0))
            .varint(5, 0);
    ObjectNode lease =
        ProtobufDecoder.decode(
            envelope(
                "coordination.k8s.io/v1",
                "Lease",
                w().message(1, meta("node-1")).message(2, spec)));
    assertThat(lease.get("apiVersion").asString()).isEqualTo("coordination.k8s.io/v1");
    assertThat(lease.get("metadata").toString())
        .isEqualTo("{\"name\":\"node-1\",\"namespace\":\"ns\"}");
    assertThat(lease.at("/spec/holderIdentity").asString()).isEqualTo("node-1");
    assertThat(lease.at("/spec/leaseDurationSeconds").intValue()).isEqualTo(40);
    assertThat(lease.at("/spec/acquireTime").asString()).isEqualTo("2023-11-14T22:13:20.123456Z");
    assertThat(lease.at("/spec/renewTime").asString()).isEqualTo("2023-11-14T22:13:30.000000Z");
    assertThat(lease.at("/spec/leaseTransitions").intValue()).isZero(); // pointer: 0 stays
  }

  @Test
  void eventWithTimesAndEmptyMicroTime() {
    ProtobufWriter event =
        w().message(1, meta("e1"))
            .message(2, w().string(1, "Pod").string(3, "p1").string(5, "v1"))
            .string(3, "Scheduled")
            .string(4, "assigned")
            .message(5, w().string(1, "scheduler"))
            .message(6, time(SECONDS, 999_000_000)) // metav1.Time drops the nanos
            .message(7, time(0, 0)) // the epoch is a time, not "unset"
            .varint(8, 1)
            .string(9, "Normal")
            .message(10, w()) // zero MicroTime: an empty message, JSON null
            .string(14, "")
            .string(15, "");
    ObjectNode json = ProtobufDecoder.decode(envelope("v1", "Event", event));
    assertThat(json.at("/involvedObject/kind").asString()).isEqualTo("Pod");
    assertThat(json.at("/involvedObject/apiVersion").asString()).isEqualTo("v1");
    assertThat(json.at("/source/component").asString()).isEqualTo("scheduler");
    assertThat(json.get("firstTimestamp").asString()).isEqualTo("2023-11-14T22:13:20Z");
    assertThat(json.get("lastTimestamp").asString()).isEqualTo("1970-01-01T00:00:00Z");
    assertThat(json.has("eventTime")).isFalse();
    assertThat(json.get("count").intValue()).isEqualTo(1);
    // reportingComponent has no omitempty upstream: "" stays, as Go's JSON writes it
    assertThat(json.get("reportingComponent").asString()).isEmpty();
  }

  @Test
  void nodeWithQuantitiesTaintsAndManagedFields() {
    byte[] fields = "{\"f:metadata\":{\"f:labels\":{}}}".getBytes(StandardCharsets.UTF_8);
    ProtobufWriter managed =
        w().string(1, "kubelet")
            .string(2, "Update")
            .string(3, "v1")
            .message(4, time(SECONDS, 0))
            .string(6, "FieldsV1")
            .message(7, w().bytes(1, fields))
            .string(8, "status");
    ProtobufWriter metadata =
        meta("n1")
            .entry(11, "kubernetes.io/hostname", "n1")
            .message(17, managed)
            .message(8, time(SECONDS, 0));
    ProtobufWriter status =
        w().message(1, w().string(1, "cpu").message(2, w().string(1, "4")))
            .message(1, w().string(1, "memory").message(2, w().string(1, "8Gi")))
            .message(5, w().string(1, "InternalIP").string(2, "127.0.0.2"))
            .message(7, w().string(1, "machine").string(4, "6.1"));
    ProtobufWriter spec =
        w().varint(4, 1)
            .message(
                5,
                w().string(1, "k")
                    .string(2, "")
                    .string(3, "NoSchedule")
                    .message(4, time(SECONDS, 0)));
    ObjectNode node =
        ProtobufDecoder.decode(
            envelope("v1", "Node", w().message(1, metadata).message(2, spec).message(3, status)));
    assertThat(node.at("/metadata/creationTimestamp").asString()).isEqualTo("2023-11-14T22:13:20Z");
    assertThat(node.at("/metadata/labels/kubernetes.io~1hostname").asString()).isEqualTo("n1");
    assertThat(node.at("/metadata/managedFields/0/manager").asString()).isEqualTo("kubelet");
    assertThat(node.at("/metadata/managedFields/0/time").asString())
        .isEqualTo("2023-11-14T22:13:20Z");
    assertThat(node.at("/metadata/managedFields/0/fieldsV1").toString())
        .isEqualTo("{\"f:metadata\":{\"f:labels\":{}}}");
    assertThat(node.at("/metadata/managedFields/0/subresource").asString()).isEqualTo("status");
    assertThat(node.at("/spec/unschedulable").booleanValue()).isTrue();
    assertThat(node.at("/spec/taints/0").toString())
        .isEqualTo(
            "{\"key\":\"k\",\"effect\":\"NoSchedule\",\"timeAdded\":\"2023-11-14T22:13:20Z\"}");
    assertThat(node.at("/status/capacity").toString())
        .isEqualTo("{\"cpu\":\"4\",\"memory\":\"8Gi\"}");
    assertThat(node.at("/status/addresses/0/address").asString()).isEqualTo("127.0.0.2");
    assertThat(node.at("/status/nodeInfo/machineID").asString()).isEqualTo("machine");
    assertThat(node.at("/status/nodeInfo/kernelVersion").asString()).isEqualTo("6.1");
  }

  @Test
  void endpointSlice() {
    ProtobufWriter endpoint =
        w().string(1, "127.0.0.5")
            .string(1, "127.0.0.6")
            .message(2, w().varint(1, 1).varint(3, 0))
            .message(4, w().string(1, "Pod").string(3, "p1"))
            .string(6, "n1");
    ProtobufWriter port = w().string(1, "http").string(2, "TCP").varint(3, 8080);
    ObjectNode slice =
        ProtobufDecoder.decode(
            envelope(
                "discovery.k8s.io/v1",
                "EndpointSlice",
                w().message(1, meta("s1"))
                    .string(4, "IPv4")
                    .message(2, endpoint)
                    .message(3, port)));
    assertThat(slice.get("addressType").asString()).isEqualTo("IPv4");
    assertThat(slice.at("/endpoints/0/addresses").toString())
        .isEqualTo("[\"127.0.0.5\",\"127.0.0.6\"]");
    assertThat(slice.at("/endpoints/0/conditions").toString())
        .isEqualTo("{\"ready\":true,\"terminating\":false}");
    assertThat(slice.at("/endpoints/0/targetRef/name").asString()).isEqualTo("p1");
    assertThat(slice.at("/ports/0/port").intValue()).isEqualTo(8080);
  }

  @Test
  void bindingEvictionScaleAndDeleteOptions() {
    ObjectNode binding =
        ProtobufDecoder.decode(
            envelope(
                "v1",
                "Binding",
                w().message(1, meta("p1")).message(2, w().string(1, "Node").string(3, "n1"))));
    assertThat(binding.at("/target").toString()).isEqualTo("{\"kind\":\"Node\",\"name\":\"n1\"}");

    ProtobufWriter options =
        w().varint(1, 0)
            .message(2, w().string(1, "uid-1"))
            .string(4, "Foreground")
            .string(5, "All");
    ObjectNode eviction =
        ProtobufDecoder.decode(
            envelope("policy/v1", "Eviction", w().message(1, meta("p1")).message(2, options)));
    assertThat(eviction.get("deleteOptions").toString())
        .isEqualTo(
            "{\"gracePeriodSeconds\":0,\"preconditions\":{\"uid\":\"uid-1\"},"
                + "\"propagationPolicy\":\"Foreground\",\"dryRun\":[\"All\"]}");

    ObjectNode scale =
        ProtobufDecoder.decode(
            envelope(
                "autoscaling/v1", "Scale", w().message(1, meta("d")).message(2, w().varint(1, 5))));
    assertThat(scale.at("/spec/replicas").intValue()).isEqualTo(5);

    ObjectNode delete =
        ProtobufDecoder.decode(envelope("apps/v1", "DeleteOptions", w().string(4, "Orphan")));
    assertThat(delete.toString())
        .isEqualTo(
            "{\"apiVersion\":\"apps/v1\",\"kind\":\"DeleteOptions\",\"propagationPolicy\":\"Orphan\"}");
  }

  @Test
  void replicaSetAndConfigMapBinaryData() {
    ObjectNode rs =
        ProtobufDecoder.decode(
            envelope(
                "apps/v1",
                "ReplicaSet",
                w().message(1, meta("rs")).message(2, w().varint(1, 0).varint(4, 0))));
    assertThat(rs.get("spec").toString()).isEqualTo("{\"replicas\":0}");
    ObjectNode cm =
        ProtobufDecoder.decode(
            envelope(
                "v1",
                "ConfigMap",
                w().message(1, meta("c"))
                    .message(3, w().string(1, "b").bytes(2, new byte[] {0, 1}))));
    assertThat(cm.at("/binaryData/b").asString()).isEqualTo("AAE=");
  }
}

package io.pilothouse.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pilothouse.protobuf.ProtobufSchema.Field;
import org.junit.jupiter.api.Test;

/** The generated table: it parses, its roots resolve, and spot checks against upstream. */
class ProtobufSchemaTest {

  private final ProtobufSchema schema = ProtobufSchema.get();

  @Test
  void everyServedKindHasARootMessage() {
    String[][] kinds = {
      {"v1", "Namespace"},
      {"v1", "Node"},
      {"v1", "Pod"},
      {"v1", "Service"},
      {"v1", "Endpoints"},
      {"v1", "ConfigMap"},
      {"v1", "Secret"},
      {"v1", "Event"},
      {"v1", "ServiceAccount"},
      {"v1", "Binding"},
      {"apps/v1", "Deployment"},
      {"apps/v1", "ReplicaSet"},
      {"batch/v1", "Job"},
      {"coordination.k8s.io/v1", "Lease"},
      {"discovery.k8s.io/v1", "EndpointSlice"},
      {"policy/v1", "Eviction"},
      {"autoscaling/v1", "Scale"},
      {"v1", "DeleteOptions"},
      {"meta.k8s.io/v1", "DeleteOptions"}
    };
    for (String[] kind : kinds) {
      assertThat(schema.root(kind[0], kind[1])).as(kind[0] + " " + kind[1]).isPresent();
    }
    assertThat(schema.root("v1", "Deployment")).isEmpty();
    assertThat(schema.size()).isGreaterThan(150);
  }

  @Test
  void fieldsMatchUpstream() {
    Field labels = schema.message("meta.v1.ObjectMeta").fields().get(11);
    assertThat(labels.jsonName()).isEqualTo("labels");
    assertThat(labels.map()).isTrue();
    assertThat(labels.scalar()).isEqualTo(ScalarType.STRING);
    assertThat(schema.message("meta.v1.ObjectMeta").fields().get(17).jsonName())
        .isEqualTo("managedFields");
    Field data = schema.message("core.v1.Secret").fields().get(2);
    assertThat(data.scalar()).isEqualTo(ScalarType.BYTES);
    Field targetPort = schema.message("core.v1.ServicePort").fields().get(4);
    assertThat(targetPort.typeName()).isEqualTo("intstr.IntOrString");
    Field volumeSource = schema.message("core.v1.Volume").fields().get(2);
    assertThat(volumeSource.inline()).isTrue();
    assertThat(volumeSource.jsonName()).isNull();
    Field replicas = schema.message("apps.v1.DeploymentSpec").fields().get(1);
    assertThat(replicas.pointer()).isTrue();
    assertThat(schema.message("meta.v1.Time").special()).isTrue();
  }

  @Test
  void parsingRejectsDanglingReferences() {
    assertThatThrownBy(() -> ProtobufSchema.parse("=a.B\n1 x c.D -\n"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("c.D");
  }
}

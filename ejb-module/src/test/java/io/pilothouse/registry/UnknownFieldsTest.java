package io.pilothouse.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.pilothouse.json.KubernetesJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class UnknownFieldsTest {

  private static final String WITH_UNKNOWN_FIELDS =
      "{'metadata':{'name':'d','nmae':'x'},'spec':{'replicas':1,'template':{'spec':"
          + "{'containers':[{'name':'c'},{'name':'d','imagee':'i'}]}}},'extra':1}";

  private static JsonNode json(String text) {
    return KubernetesJson.mapper().readTree(text.replace('\'', '"'));
  }

  @Test
  void knownFieldsPass() {
    JsonNode deployment =
        json(
            "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'d','labels':{'a':'b'}},"
                + "'spec':{'replicas':2,'selector':{'matchLabels':{'a':'b'}},'template':{'metadata':"
                + "{'labels':{'a':'b'}},'spec':{'containers':[{'name':'c','image':'i','ports':"
                + "[{'containerPort':80}],'resources':{'limits':{'cpu':'1'}}}]}}}}");
    assertThat(UnknownFields.find(deployment, Deployment.class)).isEmpty();
  }

  @Test
  void unknownFieldsAreNamedWithTheirPath() {
    JsonNode deployment = json(WITH_UNKNOWN_FIELDS);
    assertThat(UnknownFields.find(deployment, Deployment.class))
        .containsExactly("metadata.nmae", "spec.template.spec.containers[1].imagee", "extra");
  }

  @Test
  void freeFormMapsAcceptAnyKey() {
    JsonNode configMap = json("{'metadata':{'name':'c'},'data':{'any-key':'v','other':'w'}}");
    assertThat(UnknownFields.find(configMap, ConfigMap.class)).isEmpty();
  }

  @Test
  void managedFieldsPathsAreFreeFormJson() {
    JsonNode configMap =
        json(
            "{'metadata':{'name':'c','managedFields':[{'manager':'m','operation':'Apply',"
                + "'fieldsType':'FieldsV1','fieldsV1':{'f:data':{'f:key':{}}}}]}}");
    assertThat(UnknownFields.prune(configMap, ConfigMap.class)).isEmpty();
    assertThat(configMap.at("/metadata/managedFields/0/fieldsV1/f:data/f:key").isObject()).isTrue();
  }

  @Test
  void pruneRemovesTheUnknownFieldsAndKeepsTheRest() {
    JsonNode deployment = json(WITH_UNKNOWN_FIELDS);

    assertThat(UnknownFields.prune(deployment, Deployment.class))
        .containsExactly("metadata.nmae", "spec.template.spec.containers[1].imagee", "extra");
    assertThat(deployment)
        .isEqualTo(
            json(
                "{'metadata':{'name':'d'},'spec':{'replicas':1,'template':{'spec':"
                    + "{'containers':[{'name':'c'},{'name':'d'}]}}}}"));
    assertThat(UnknownFields.find(deployment, Deployment.class)).isEmpty();
  }

  @Test
  void pruneLeavesFreeFormMapsAlone() {
    JsonNode configMap = json("{'metadata':{'name':'c'},'data':{'any-key':'v'}}");

    assertThat(UnknownFields.prune(configMap, ConfigMap.class)).isEmpty();
    assertThat(configMap).isEqualTo(json("{'metadata':{'name':'c'},'data':{'any-key':'v'}}"));
  }
}

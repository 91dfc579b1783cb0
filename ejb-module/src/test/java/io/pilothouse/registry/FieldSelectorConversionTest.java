package io.pilothouse.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pilothouse.api.StatusException;
import io.pilothouse.api.StatusReasons;
import io.pilothouse.store.FieldSelector;
import io.pilothouse.store.ListQuery;
import io.pilothouse.store.ListResult;
import io.pilothouse.store.ObjectStore;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The field label conversion of the API's lists, watches and deletecollections: upstream's 400 for
 * a label the kind does not support, the kind's labels let through (converted where upstream
 * converts), and the registry's own list, which the controllers and the dashboard use, untouched.
 */
class FieldSelectorConversionTest {

  private final ResourceTypes types = new ResourceTypes();

  private ResourceType type(String group, String resource) {
    return types.find(group, "v1", resource).orElseThrow();
  }

  private static ListOptions selecting(String fieldSelector) {
    return ListOptions.fieldSelector(fieldSelector);
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertBadRequest(
      Runnable call, String message) {
    return assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            StatusException.class,
            e -> {
              assertThat(e.code()).isEqualTo(400);
              assertThat(e.reason()).isEqualTo(StatusReasons.BAD_REQUEST);
            })
        .hasMessage(message);
  }

  @Test
  void anUnsupportedLabelIsABadRequestWithUpstreamsMessage() {
    assertBadRequest(
        () -> FieldSelectorConversion.convert(type("", "pods"), selecting("foo=bar")),
        "field label not supported: foo");
  }

  @Test
  void aWatchIsRefusedLikeAList() {
    ListOptions watch =
        new ListOptions(null, "spec.nodeName=n1,foo!=bar", 0, null, "42", true, 30, false);
    assertBadRequest(
        () -> FieldSelectorConversion.convert(type("", "pods"), watch),
        "field label not supported: foo");
  }

  @Test
  void theFirstUnsupportedLabelInSortedOrderIsNamed() {
    assertBadRequest(
        () -> FieldSelectorConversion.convert(type("", "pods"), selecting("zeta=1,alpha=2")),
        "field label not supported: alpha");
  }

  @Test
  void aMalformedSelectorIsStillABadRequest() {
    assertBadRequest(
        () -> FieldSelectorConversion.convert(type("", "pods"), selecting("foo")),
        "invalid selector: 'foo'; can't understand 'foo'");
  }

  @ParameterizedTest(name = "{0}/{1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|configmaps|data=x|"
            + "\"data\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"",
        "apps|replicasets|status.replicas=0|\"status.replicas\" is not a known field selector:"
            + " only \"metadata.name\", \"metadata.namespace\"",
        "batch|jobs|status.failed=1|field label \"status.failed\" not supported for batchv1.Job",
        "''|nodes|metadata.namespace=|field label not supported: metadata.namespace",
        "''|namespaces|metadata.namespace=x|field label not supported: metadata.namespace",
      })
  void eachKindRefusesWithItsOwnMessage(
      String group, String resource, String selector, String message) {
    assertBadRequest(
        () -> FieldSelectorConversion.convert(type(group, resource), selecting(selector)), message);
  }

  @ParameterizedTest(name = "{0}/{1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|pods|metadata.name=a,metadata.namespace=b,spec.nodeName=n,spec.restartPolicy=Always,"
            + "spec.schedulerName=s,spec.serviceAccountName=sa,spec.hostNetwork=false,"
            + "status.phase=Running,status.podIP=10.0.0.1,status.podIPs=,"
            + "status.nominatedNodeName=n2",
        "''|events|involvedObject.kind=Pod,involvedObject.namespace=ns,involvedObject.name=p,"
            + "involvedObject.uid=u,involvedObject.apiVersion=v1,involvedObject.resourceVersion=1,"
            + "involvedObject.fieldPath=spec,reason=Started,reportingComponent=kubelet,"
            + "source=kubelet,type=Normal,metadata.name=e,metadata.namespace=ns",
        "''|secrets|type=Opaque,metadata.name=s,metadata.namespace=ns",
        "''|namespaces|status.phase=Active,metadata.name=ns",
        "''|nodes|spec.unschedulable=true,metadata.name=n",
        "''|services|spec.clusterIP=10.96.0.1,spec.type=ClusterIP,metadata.name=s",
        "batch|jobs|status.successful=1,metadata.name=j,metadata.namespace=ns",
        "apps|replicasets|metadata.name=r,metadata.namespace=ns",
        "''|configmaps|metadata.name=c,metadata.namespace=ns",
        "coordination.k8s.io|leases|metadata.name=l",
      })
  void eachKindsLabelsPassUnchanged(String group, String resource, String selector) {
    ListOptions options = selecting(selector);
    assertThat(FieldSelectorConversion.convert(type(group, resource), options)).isSameAs(options);
  }

  @Test
  void aPodsSpecHostSelectsItsNodeNameKeepingTheRestOfTheOptions() {
    ListOptions watch = new ListOptions("app=web", "spec.host=a\\,b", 5, "c", "42", true, 30, true);
    ListOptions converted = FieldSelectorConversion.convert(type("", "pods"), watch);
    assertThat(FieldSelector.parse(converted.fieldSelector()))
        .isEqualTo(FieldSelector.parse("spec.nodeName=a\\,b"));
    assertThat(converted)
        .isEqualTo(
            new ListOptions("app=web", converted.fieldSelector(), 5, "c", "42", true, 30, true));
  }

  @Test
  void noSelectorIsNoChange() {
    assertThat(FieldSelectorConversion.convert(type("", "pods"), ListOptions.ALL))
        .isSameAs(ListOptions.ALL);
    ListOptions empty = selecting("");
    assertThat(FieldSelectorConversion.convert(type("", "pods"), empty)).isSameAs(empty);
  }

  /**
   * The pod garbage collector's {@code metadata.deletionTimestamp!=} is no API field label, yet the
   * registry's list (which the controllers' clients and the dashboard call) passes it on.
   */
  @Test
  void theRegistrysOwnListSelectsOnAnyIndexedField() {
    List<ListQuery> queries = new ArrayList<>();
    RegistryContext ctx =
        new RegistryContext(store(queries), types, change -> {}, Instant.now(), null, null);

    new ObjectReader(ctx)
        .list(type("", "pods"), null, selecting("metadata.deletionTimestamp!=,spec.nodeName="));

    assertThat(queries)
        .singleElement()
        .extracting(ListQuery::fieldSelector)
        .isEqualTo(FieldSelector.parse("metadata.deletionTimestamp!=,spec.nodeName="));
  }

  /** A store answering {@code list} with nothing, recording the queries. */
  private static ObjectStore store(List<ListQuery> queries) {
    return (ObjectStore)
        Proxy.newProxyInstance(
            ObjectStore.class.getClassLoader(),
            new Class<?>[] {ObjectStore.class},
            (proxy, method, args) -> {
              if (!method.getName().equals("list")) {
                throw new AssertionError("a list calls only list, yet called " + method);
              }
              queries.add((ListQuery) args[0]);
              return new ListResult(List.of(), 7, null, null);
            });
  }
}

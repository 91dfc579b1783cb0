package io.pilothouse.printing;

import static io.pilothouse.printing.Fixtures.ago;
import static io.pilothouse.printing.Fixtures.json;
import static io.pilothouse.printing.Fixtures.wide;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Kinds whose rows are a name, a field or two and an age. */
class SmallPrintersTest {

  private static final String META =
      "'metadata':{'name':'x','creationTimestamp':'" + ago(Duration.ofDays(400)) + "'}";

  static Stream<Arguments> rows() {
    return Stream.of(
        Arguments.of(
            "",
            "Namespace",
            "{" + META + ",'status':{'phase':'Active'}}",
            List.of("x", "Active", "400d")),
        Arguments.of(
            "",
            "ConfigMap",
            "{" + META + ",'data':{'a':'1','b':'2'},'binaryData':{'c':'AA=='}}",
            List.of("x", 3L, "400d")),
        Arguments.of("", "ConfigMap", "{" + META + "}", List.of("x", 0L, "400d")),
        Arguments.of(
            "",
            "Secret",
            "{"
                + META
                + ",'type':'Opaque','data':{'user':'YQ==','pass':'Yg=='},'stringData':{'pass':'c'}}",
            List.of("x", "Opaque", 2L, "400d")),
        Arguments.of(
            "",
            "ServiceAccount",
            "{" + META + ",'secrets':[{'name':'x-token'}]}",
            List.of("x", 1L, "400d")),
        Arguments.of(
            "coordination.k8s.io",
            "Lease",
            "{" + META + ",'spec':{'holderIdentity':'node-1','leaseDurationSeconds':40}}",
            List.of("x", "node-1", "400d")),
        Arguments.of(
            "coordination.k8s.io", "Lease", "{" + META + ",'spec':{}}", List.of("x", "", "400d")),
        Arguments.of(
            "",
            "Endpoints",
            "{"
                + META
                + ",'subsets':[{'addresses':[{'ip':'10.1.0.1'},{'ip':'10.1.0.2'}],"
                + "'ports':[{'name':'http','port':80},{'name':'https','port':443}]},"
                + "{'addresses':[{'ip':'10.1.0.3'}],'ports':[{'port':80}]}]}",
            List.of("x", "10.1.0.1:80,10.1.0.2:80,10.1.0.1:443 + 2 more...", "400d")),
        Arguments.of(
            "",
            "Endpoints",
            "{"
                + META
                + ",'subsets':[{'addresses':[{'ip':'fd00::1'}],'ports':[{'port':8080}]},"
                + "{'addresses':[{'ip':'10.1.0.9'}]}]}",
            List.of("x", "[fd00::1]:8080,10.1.0.9", "400d")),
        Arguments.of("", "Endpoints", "{" + META + "}", List.of("x", "<none>", "400d")),
        Arguments.of(
            "discovery.k8s.io",
            "EndpointSlice",
            "{"
                + META
                + ",'addressType':'IPv4','ports':[{'name':'http','port':80,'protocol':'TCP'},"
                + "{'name':'all'},{}],'endpoints':[{'addresses':['10.1.0.1']},"
                + "{'addresses':['10.1.0.2']},{'addresses':['10.1.0.3']},{'addresses':['10.1.0.4']}]}",
            List.of("x", "IPv4", "80,all,*", "10.1.0.1,10.1.0.2,10.1.0.3 + 1 more...", "400d")),
        Arguments.of(
            "discovery.k8s.io",
            "EndpointSlice",
            "{" + META + ",'addressType':'IPv6'}",
            List.of("x", "IPv6", "<unset>", "<unset>", "400d")),
        Arguments.of(
            "policy",
            "PodDisruptionBudget",
            "{'metadata':{'name':'x','creationTimestamp':'2024-04-30T08:15:30Z'}}",
            List.of("x", "2024-04-30T08:15:30Z")),
        Arguments.of(
            "example.com",
            "Widget",
            "{'metadata':{'name':'w'}}",
            List.of("w", "0001-01-01T00:00:00Z")));
  }

  @ParameterizedTest(name = "{1} {2}")
  @MethodSource("rows")
  void printsCellsLikeKubectl(String group, String kind, String object, List<Object> expected) {
    assertThat(wide(group, kind, json(object))).isEqualTo(expected);
  }
}

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
import tools.jackson.databind.node.ObjectNode;

class ServicePrinterTest {

  private static ObjectNode service(String spec, String status) {
    return json(
        "{'metadata':{'name':'web','namespace':'default','creationTimestamp':'"
            + ago(Duration.ofSeconds(200))
            + "'},'spec':"
            + spec
            + ",'status':"
            + status
            + "}");
  }

  static Stream<Arguments> services() {
    return Stream.of(
        Arguments.of(
            "cluster IP with two ports",
            service(
                "{'type':'ClusterIP','clusterIP':'10.96.0.10','clusterIPs':['10.96.0.10'],"
                    + "'ports':[{'name':'http','port':80,'protocol':'TCP','targetPort':8080},"
                    + "{'name':'dns','port':53,'protocol':'UDP'}],"
                    + "'selector':{'tier':'web','app':'shop'}}",
                "{}"),
            List.of(
                "web",
                "ClusterIP",
                "10.96.0.10",
                "<none>",
                "80/TCP,53/UDP",
                "3m20s",
                "app=shop,tier=web")),
        Arguments.of(
            "node port",
            service(
                "{'type':'NodePort','clusterIP':'10.96.0.11','ports':[{'port':80,'protocol':'TCP',"
                    + "'nodePort':30080},{'port':443,'protocol':'TCP','nodePort':30443}]}",
                "{}"),
            List.of(
                "web",
                "NodePort",
                "10.96.0.11",
                "<none>",
                "80:30080/TCP,443:30443/TCP",
                "3m20s",
                "<none>")),
        Arguments.of(
            "load balancer still pending",
            service(
                "{'type':'LoadBalancer','clusterIP':'10.96.0.12','ports':[{'port':443,"
                    + "'protocol':'TCP','nodePort':31443}]}",
                "{'loadBalancer':{}}"),
            List.of(
                "web",
                "LoadBalancer",
                "10.96.0.12",
                "<pending>",
                "443:31443/TCP",
                "3m20s",
                "<none>")),
        Arguments.of(
            "load balancer with ingress and external IPs",
            service(
                "{'type':'LoadBalancer','clusterIP':'10.96.0.12','externalIPs':['192.0.2.9'],"
                    + "'ports':[{'port':443,'protocol':'TCP','nodePort':31443}]}",
                "{'loadBalancer':{'ingress':[{'hostname':'lb.example.com'},{'ip':'203.0.113.7'}]}}"),
            List.of(
                "web",
                "LoadBalancer",
                "10.96.0.12",
                "203.0.113.7,lb.example.com,192.0.2.9",
                "443:31443/TCP",
                "3m20s",
                "<none>")),
        Arguments.of(
            "external name, no ports",
            service("{'type':'ExternalName','externalName':'db.example.com'}", "{}"),
            List.of(
                "web", "ExternalName", "<none>", "db.example.com", "<none>", "3m20s", "<none>")),
        Arguments.of(
            "headless with external IPs, cluster IPs only in the list",
            service(
                "{'type':'ClusterIP','clusterIPs':['None'],'externalIPs':['192.0.2.1','192.0.2.2'],"
                    + "'ports':[{'port':5432,'protocol':'TCP'}],'selector':{'app':'db'}}",
                "{}"),
            List.of(
                "web", "ClusterIP", "None", "192.0.2.1,192.0.2.2", "5432/TCP", "3m20s", "app=db")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("services")
  void printsPortsAndAddresses(String scenario, ObjectNode service, List<Object> expected) {
    assertThat(wide("", "Service", service)).isEqualTo(expected);
  }
}

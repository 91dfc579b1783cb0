package io.pilothouse.printing;

import static io.pilothouse.printing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SelectorsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{}|<none>",
        "{'matchLabels':{'b':'2','a':'1'}}|a=1,b=2",
        "{'matchExpressions':[{'key':'env','operator':'In','values':['prod','dev']}]}|env in (dev,prod)",
        "{'matchExpressions':[{'key':'env','operator':'DoesNotExist'}]}|!env",
        "{'matchLabels':{'z':'1'},'matchExpressions':[{'key':'a','operator':'Exists'}]}|a,z=1",
        "{'matchExpressions':[{'key':'env','operator':'In','values':[]}]}|<error>",
        "{'matchExpressions':[{'key':'env','operator':'Exists','values':['x']}]}|<error>",
        "{'matchExpressions':[{'key':'env','operator':'Near','values':['x']}]}|<error>",
      })
  void formatsLabelSelectors(String selector, String expected) {
    assertThat(Selectors.formatLabelSelector(json("{'s':" + selector + "}").get("s")))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {"{}|<none>", "{'tier':'web','app':'shop'}|app=shop,tier=web"})
  void formatsLabelMaps(String labels, String expected) {
    assertThat(Selectors.formatLabels(json("{'l':" + labels + "}").get("l"))).isEqualTo(expected);
  }
}

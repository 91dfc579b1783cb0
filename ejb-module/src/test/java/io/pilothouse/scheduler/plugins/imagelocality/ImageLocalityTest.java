package io.pilothouse.scheduler.plugins.imagelocality;

import static io.pilothouse.scheduler.Fixtures.node;
import static io.pilothouse.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerImage;
import io.fabric8.kubernetes.api.model.Node;
import io.pilothouse.scheduler.framework.NodeInfo;
import io.pilothouse.scheduler.framework.PodInfo;
import io.pilothouse.scheduler.plugins.PluginHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageLocalityTest {

  private static Node withImage(String name, String image, long size) {
    return node(name)
        .editStatus()
        .withImages(new ContainerImage(List.of(image), size))
        .endStatus()
        .build();
  }

  @Test
  void nodesHavingTheImageScoreByItsSizeScaledBySpread() {
    PluginHarness harness =
        PluginHarness.of(
            NodeInfo.of(withImage("a", "example/app:1", 500L * 1024 * 1024)),
            NodeInfo.of(node("b").build()),
            NodeInfo.of(withImage("c", "example/app:1", 500L * 1024 * 1024)));

    assertThat(harness.score(new ImageLocality(harness), PodInfo.of(pod("p"))))
        .isEqualTo(Map.of("a", 31L, "b", 0L, "c", 31L));
  }

  @Test
  void noNodeReportingImagesSkipsScoring() {
    PluginHarness harness = PluginHarness.of(NodeInfo.of(node("a").build()));

    assertThat(harness.score(new ImageLocality(harness), PodInfo.of(pod("p"))))
        .isEqualTo(Map.of("a", 0L));
  }

  @ParameterizedTest
  @CsvSource({
    "nginx, nginx:latest",
    "nginx:1.25, nginx:1.25",
    "localhost:5000/app, localhost:5000/app:latest"
  })
  void imageNamesWithoutTagMeanLatest(String name, String normalized) {
    assertThat(ImageLocality.normalizedImageName(name)).isEqualTo(normalized);
  }
}

package io.pilothouse.scheduler.plugins.imagelocality;

import io.fabric8.kubernetes.api.model.Container;
import io.pilothouse.scheduler.framework.CycleState;
import io.pilothouse.scheduler.framework.Handle;
import io.pilothouse.scheduler.framework.NodeInfo;
import io.pilothouse.scheduler.framework.PodInfo;
import io.pilothouse.scheduler.framework.PreScorePlugin;
import io.pilothouse.scheduler.framework.ScorePlugin;
import io.pilothouse.scheduler.framework.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prefers nodes that already have the pod's images (from the node's {@code status.images}), as
 * upstream: the sum of the sizes of present images, each scaled by the share of nodes having it (so
 * an image everywhere does not attract everything), clamped between 23 MB and 1000 MB per container
 * and mapped to 0–100. Skipped when no node reports images.
 */
public final class ImageLocality implements PreScorePlugin, ScorePlugin {

  public static final String NAME = "ImageLocality";

  private static final long MB = 1024 * 1024;
  private static final long MIN_THRESHOLD = 23 * MB;
  private static final long MAX_CONTAINER_THRESHOLD = 1000 * MB;
  private static final String PRE_SCORE_KEY = "PreScore" + NAME;

  private final Handle handle;

  /** The pod's normalized image names, and per image the share of nodes having it. */
  private record PreScoreState(List<String> images, Map<String, Double> spread) {}

  public ImageLocality(Handle handle) {
    this.handle = handle;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> feasibleNodes) {
    List<String> images = images(pod);
    int allNodes = handle.snapshot().list().size();
    Map<String, Double> spread = new HashMap<>();
    for (String image : images) {
      int having = handle.snapshot().nodesWithImage(image);
      if (having > 0) {
        spread.put(image, (double) having / allNodes);
      }
    }
    if (spread.isEmpty()) {
      return Status.skip();
    }
    state.write(PRE_SCORE_KEY, new PreScoreState(images, spread));
    return Status.success();
  }

  private static List<String> images(PodInfo pod) {
    List<String> images = new ArrayList<>();
    var spec = pod.pod().getSpec();
    if (spec == null) {
      return images;
    }
    for (List<Container> containers :
        List.of(nullSafe(spec.getInitContainers()), nullSafe(spec.getContainers()))) {
      for (Container container : containers) {
        if (container != null && container.getImage() != null) {
          images.add(normalizedImageName(container.getImage()));
        }
      }
    }
    return images;
  }

  private static List<Container> nullSafe(List<Container> containers) {
    return containers == null ? List.of() : containers;
  }

  /** Upstream's normalization: an image without a tag means ":latest". */
  static String normalizedImageName(String name) {
    return name.lastIndexOf(':') <= name.lastIndexOf('/') ? name + ":latest" : name;
  }

  @Override
  public long score(CycleState state, PodInfo pod, NodeInfo nodeInfo) {
    PreScoreState s = state.read(PRE_SCORE_KEY, PreScoreState.class);
    if (s == null) {
      return 0;
    }
    long sum = 0;
    for (String image : s.images()) {
      Long size = nodeInfo.imageSizes().get(image);
      if (size != null) {
        sum += (long) (size * s.spread().getOrDefault(image, 0.0));
      }
    }
    long maxThreshold = MAX_CONTAINER_THRESHOLD * Math.max(1, s.images().size());
    sum = Math.max(MIN_THRESHOLD, Math.min(maxThreshold, sum));
    return MAX_NODE_SCORE * (sum - MIN_THRESHOLD) / (maxThreshold - MIN_THRESHOLD);
  }
}

package io.pilothouse.controller.endpointslice;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.pilothouse.changefeed.StoreChange;
import io.pilothouse.controller.Controller;
import io.pilothouse.controller.ControllerContext;
import io.pilothouse.controller.ControllerKey;
import io.pilothouse.controller.ObjectClient;
import io.pilothouse.controller.SyncResult;
import io.pilothouse.controller.util.Selectors;
import io.pilothouse.controller.util.ServiceBackends;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Upstream's EndpointSlice controller: for every Service with a selector, {@code
 * discovery.k8s.io/v1} EndpointSlices labelled {@code kubernetes.io/service-name} and {@code
 * endpointslice.kubernetes.io/managed-by}, owned by the Service (so the garbage collector removes
 * them with it), holding at most {@value SliceBuilder#MAX_ENDPOINTS} endpoints each with
 * ready/serving/terminating conditions, node and targetRef. Existing slices are rewritten in place,
 * missing ones created, surplus ones deleted.
 */
@ApplicationScoped
public class EndpointSliceController implements Controller {

  public static final String NAME = "endpointslice-controller";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> watchedResources() {
    return Set.of("services", "pods");
  }

  @Override
  public Collection<ControllerKey> keysFor(StoreChange change, ObjectClient client) {
    return ServiceBackends.keysFor(change, client);
  }

  @Override
  public Collection<ControllerKey> allKeys(ObjectClient client) {
    return ServiceBackends.allServices(client);
  }

  @Override
  public SyncResult sync(ControllerKey key, ControllerContext context) {
    ObjectClient client = context.client();
    Service service = client.get(Service.class, key.namespace(), key.name()).orElse(null);
    if (service == null || Selectors.ofService(service.getSpec().getSelector()) == null) {
      return SyncResult.DONE;
    }
    List<EndpointSlice> desired =
        SliceBuilder.desired(service, ServiceBackends.of(client, service));
    List<EndpointSlice> existing =
        new ArrayList<>(
            client.list(
                EndpointSlice.class, key.namespace(), SliceBuilder.selector(key.name()), null));
    existing.sort(Comparator.comparing(s -> s.getMetadata().getName()));
    for (int i = 0; i < desired.size(); i++) {
      EndpointSlice want = desired.get(i);
      if (i < existing.size()) {
        EndpointSlice have = existing.get(i);
        if (!SliceBuilder.sameContent(have, want)) {
          want.getMetadata().setName(have.getMetadata().getName());
          want.getMetadata().setGenerateName(have.getMetadata().getGenerateName());
          want.getMetadata().setResourceVersion(have.getMetadata().getResourceVersion());
          client.update(want);
        }
      } else {
        client.create(want);
      }
    }
    for (int i = desired.size(); i < existing.size(); i++) {
      EndpointSlice surplus = existing.get(i);
      client.delete(
          EndpointSlice.class,
          key.namespace(),
          surplus.getMetadata().getName(),
          null,
          surplus.getMetadata().getUid(),
          null);
    }
    return SyncResult.DONE;
  }
}

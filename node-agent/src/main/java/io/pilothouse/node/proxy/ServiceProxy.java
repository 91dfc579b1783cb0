package io.pilothouse.node.proxy;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * kube-proxy in userspace: watches Services and EndpointSlices and keeps one {@link TcpForwarder}
 * per ClusterIP:port and NodePort, with the ready endpoints of the Service. A change is applied
 * within 100 ms; forwarders whose address another agent's proxy holds are retried every 5 s.
 */
public final class ServiceProxy {

  private static final Logger LOG = Logger.getLogger(ServiceProxy.class.getName());

  private final Supplier<Collection<Service>> services;
  private final Supplier<Collection<EndpointSlice>> slices;
  private final Map<ProxyRules.Listen, TcpForwarder> forwarders = new HashMap<>();
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "proxy");
            t.setDaemon(true);
            return t;
          });
  private final ScheduledExecutorService reconciler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "proxy-reconcile");
            t.setDaemon(true);
            return t;
          });
  private final AtomicBoolean pending = new AtomicBoolean();
  private SharedIndexInformer<Service> serviceInformer;
  private SharedIndexInformer<EndpointSlice> sliceInformer;

  /** A proxy fed by any source of Services and EndpointSlices (informer caches, or tests). */
  public ServiceProxy(
      Supplier<Collection<Service>> services, Supplier<Collection<EndpointSlice>> slices) {
    this.services = services;
    this.slices = slices;
    reconciler.scheduleWithFixedDelay(this::reconcileSafely, 5, 5, TimeUnit.SECONDS);
  }

  /** Starts a proxy that watches the API server. */
  public static ServiceProxy watching(KubernetesClient client) {
    SharedIndexInformer<Service> svc = client.services().inAnyNamespace().runnableInformer(0);
    SharedIndexInformer<EndpointSlice> eps =
        client.discovery().v1().endpointSlices().inAnyNamespace().runnableInformer(0);
    ServiceProxy proxy = new ServiceProxy(() -> svc.getStore().list(), () -> eps.getStore().list());
    proxy.serviceInformer = svc;
    proxy.sliceInformer = eps;
    svc.addEventHandler(proxy.handler());
    eps.addEventHandler(proxy.handler());
    String server = client.getMasterUrl().toString();
    svc.exceptionHandler((started, t) -> proxy.watchProblem("Services", server, t));
    eps.exceptionHandler((started, t) -> proxy.watchProblem("EndpointSlices", server, t));
    svc.start();
    eps.start();
    return proxy;
  }

  private boolean watchProblem(String what, String server, Throwable t) {
    LOG.warning(
        "proxy: watch of "
            + what
            + ": "
            + io.pilothouse.node.kubelet.ApiFailures.describe(t, server)
            + " (retrying)");
    return true;
  }

  private <T> ResourceEventHandler<T> handler() {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T obj) {
        changed();
      }

      @Override
      public void onUpdate(T oldObj, T newObj) {
        changed();
      }

      @Override
      public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        changed();
      }
    };
  }

  /** Something changed: reconcile soon (events arriving together are applied once). */
  public void changed() {
    if (pending.compareAndSet(false, true)) {
      reconciler.schedule(this::reconcileSafely, 50, TimeUnit.MILLISECONDS);
    }
  }

  private void reconcileSafely() {
    pending.set(false);
    try {
      reconcile();
    } catch (RuntimeException e) {
      LOG.warning("proxy: reconcile failed: " + e);
    }
  }

  /** Opens, updates and closes forwarders to match the current Services and EndpointSlices. */
  public synchronized void reconcile() {
    Map<ProxyRules.Listen, ProxyRules.Target> rules =
        ProxyRules.compute(services.get(), slices.get());
    forwarders
        .entrySet()
        .removeIf(
            e -> {
              if (!rules.containsKey(e.getKey())) {
                e.getValue().close();
                return true;
              }
              return false;
            });
    rules.forEach(
        (listen, target) -> {
          TcpForwarder f = forwarders.computeIfAbsent(listen, l -> new TcpForwarder(l, threads));
          f.backends().set(target.endpoints());
          f.tryBind();
        });
  }

  /** The endpoints a listener forwards to (for tests and diagnostics). */
  public synchronized List<InetSocketAddress> endpoints(String ip, int port) {
    TcpForwarder f = forwarders.get(new ProxyRules.Listen(ip, port));
    return f == null ? List.of() : f.backends().current();
  }

  public synchronized boolean bound(String ip, int port) {
    TcpForwarder f = forwarders.get(new ProxyRules.Listen(ip, port));
    return f != null && f.bound();
  }

  public void stop() {
    if (serviceInformer != null) {
      serviceInformer.stop();
    }
    if (sliceInformer != null) {
      sliceInformer.stop();
    }
    reconciler.shutdownNow();
    synchronized (this) {
      forwarders.values().forEach(TcpForwarder::close);
      forwarders.clear();
    }
    threads.shutdownNow();
  }
}

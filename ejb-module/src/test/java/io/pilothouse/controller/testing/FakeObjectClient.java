package io.pilothouse.controller.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.pilothouse.api.StatusException;
import io.pilothouse.controller.ObjectClient;
import io.pilothouse.json.KubernetesJson;
import io.pilothouse.registry.patch.PatchType;
import io.pilothouse.registry.patch.Patcher;
import io.pilothouse.store.FieldRequirement;
import io.pilothouse.store.FieldSelector;
import io.pilothouse.store.LabelSelector;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An in-memory {@link ObjectClient} for controller unit tests, behaving as the registry does where
 * controllers can tell: uids, resourceVersions, generation bumps on spec changes, generateName, 409
 * on a stale resourceVersion or a taken name, 404, label selectors (the store's own parser), field
 * selectors on any dotted path, status kept apart from spec, deletion that honours finalizers and
 * the propagation policy (Orphan and Foreground add their finalizer, as {@code ObjectDeleter}
 * does), bound pods that stay terminating until a grace-0 delete, and a log of every call.
 *
 * <p>Objects are copied in and out, so a test can never change the store by mutating a result.
 */
public class FakeObjectClient implements ObjectClient {

  /** One call made through the client, for assertions. */
  public record Call(String verb, String kind, String namespace, String name) {}

  private final Map<Class<?>, TreeMap<String, ObjectNode>> objects = new HashMap<>();
  private final List<Call> calls = new ArrayList<>();
  private final List<Map.Entry<Predicate<Call>, StatusException>> failures = new ArrayList<>();
  private final Clock clock;
  private long revision = 100;
  private long uids;
  private long generated;

  public FakeObjectClient(Clock clock) {
    this.clock = clock;
  }

  // ---- test helpers

  /** Stores objects as they are (no call recorded), filling uid, resourceVersion and timestamps. */
  @SafeVarargs
  public final <T extends HasMetadata> FakeObjectClient seed(T... seeded) {
    for (T object : seeded) {
      ObjectNode tree = tree(object);
      fillCreateMetadata(tree, false);
      table(object.getClass()).put(key(tree), tree);
    }
    return this;
  }

  /** Every call so far, in order. */
  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The calls of one verb ({@code create}, {@code update}, {@code delete}...) on one kind. */
  public List<Call> calls(String verb, Class<? extends HasMetadata> kind) {
    return calls.stream()
        .filter(c -> c.verb.equals(verb) && c.kind.equals(HasMetadata.getKind(kind)))
        .toList();
  }

  /** The writes so far (everything but get and list). */
  public List<Call> writes() {
    return calls.stream().filter(c -> !c.verb.equals("get") && !c.verb.equals("list")).toList();
  }

  public void clearCalls() {
    calls.clear();
  }

  /** Makes the matching calls fail with {@code error} (before any change) until cleared. */
  public void failWhen(Predicate<Call> when, StatusException error) {
    failures.add(Map.entry(when, error));
  }

  public void clearFailures() {
    failures.clear();
  }

  /** Every stored object of a kind, all namespaces, without recording a call. */
  public <T extends HasMetadata> List<T> all(Class<T> kind) {
    return table(kind).values().stream().map(t -> typed(t, kind)).toList();
  }

  /** The stored object, without recording a call; fails if absent. */
  public <T extends HasMetadata> T require(Class<T> kind, String namespace, String name) {
    ObjectNode tree = table(kind).get(key(namespace, name));
    if (tree == null) {
      throw new AssertionError(
          HasMetadata.getKind(kind) + " " + namespace + "/" + name + " absent");
    }
    return typed(tree, kind);
  }

  // ---- ObjectClient

  @Override
  public <T extends HasMetadata> Optional<T> get(Class<T> kind, String namespace, String name) {
    record("get", kind, namespace, name);
    return Optional.ofNullable(table(kind).get(key(namespace, name))).map(t -> typed(t, kind));
  }

  @Override
  public <T extends HasMetadata> List<T> list(
      Class<T> kind, String namespace, String labelSelector, String fieldSelector) {
    record("list", kind, namespace, null);
    LabelSelector labels = LabelSelector.parse(labelSelector);
    FieldSelector fields = FieldSelector.parse(fieldSelector);
    List<T> result = new ArrayList<>();
    for (ObjectNode tree : table(kind).values()) {
      if (namespace != null && !namespace.equals(text(tree, "metadata.namespace"))) {
        continue;
      }
      if (labels.matches(labelsOf(tree)) && matchesFields(fields, tree)) {
        result.add(typed(tree, kind));
      }
    }
    return result;
  }

  @Override
  public <T extends HasMetadata> T create(T object) {
    ObjectNode tree = tree(object);
    String name = text(tree, "metadata.name");
    String generateName = text(tree, "metadata.generateName");
    if ((name == null || name.isEmpty()) && generateName != null) {
      name = generateName + nextSuffix();
      metadata(tree).put("name", name);
    }
    record("create", object.getClass(), text(tree, "metadata.namespace"), name);
    if (name == null || name.isEmpty()) {
      throw new StatusException(422, "Invalid", "metadata.name: Required value");
    }
    TreeMap<String, ObjectNode> table = table(object.getClass());
    if (table.containsKey(key(tree))) {
      throw new StatusException(
          409, "AlreadyExists", resource(object.getClass()) + " \"" + name + "\" already exists");
    }
    fillCreateMetadata(tree, true);
    table.put(key(tree), tree);
    return typedLike(tree, object);
  }

  @Override
  public <T extends HasMetadata> T update(T object) {
    return replace(object, "update", false);
  }

  @Override
  public <T extends HasMetadata> T updateStatus(T object) {
    return replace(object, "updateStatus", true);
  }

  @Override
  public <T extends HasMetadata> T mergePatch(
      Class<T> kind, String namespace, String name, String patch, boolean status) {
    record(status ? "patchStatus" : "patch", kind, namespace, name);
    ObjectNode old = existing(kind, namespace, name);
    ObjectNode patched = Patcher.apply(PatchType.MERGE_PATCH, old, patch, null);
    metadata(patched).put("resourceVersion", text(old, "metadata.resourceVersion"));
    return typed(write(kind, old, patched, status), kind);
  }

  @Override
  public boolean delete(
      Class<? extends HasMetadata> kind,
      String namespace,
      String name,
      String propagationPolicy,
      String uid,
      Long gracePeriodSeconds) {
    record("delete", kind, namespace, name);
    ObjectNode old = table(kind).get(key(namespace, name));
    if (old == null) {
      return false;
    }
    if (uid != null && !uid.equals(text(old, "metadata.uid"))) {
      throw new StatusException(409, "Conflict", "Precondition failed: UID in precondition");
    }
    ObjectNode object = old.deepCopy();
    String policy = propagationPolicy != null ? propagationPolicy : defaultPolicy(kind);
    if ("Orphan".equals(policy)) {
      addFinalizer(object, "orphan");
    } else if ("Foreground".equals(policy)) {
      addFinalizer(object, "foregroundDeletion");
    }
    long grace = gracePeriod(kind, old, gracePeriodSeconds);
    if (text(old, "metadata.deletionTimestamp") == null
        || grace < old.path("metadata").path("deletionGracePeriodSeconds").asLong(Long.MAX_VALUE)) {
      metadata(object).put("deletionTimestamp", timestamp(clock.instant().plusSeconds(grace)));
      metadata(object).put("deletionGracePeriodSeconds", grace);
    }
    if (readyToDelete(object)) {
      table(kind).remove(key(namespace, name));
    } else if (!object.equals(old)) {
      bumpRevision(object);
      table(kind).put(key(namespace, name), object);
    }
    return true;
  }

  @Override
  public void evict(String namespace, String name) {
    record("evict", io.fabric8.kubernetes.api.model.Pod.class, namespace, name);
    delete(io.fabric8.kubernetes.api.model.Pod.class, namespace, name, null, null, null);
  }

  @Override
  public void bind(String namespace, String name, String uid, String nodeName) {
    Class<io.fabric8.kubernetes.api.model.Pod> pods = io.fabric8.kubernetes.api.model.Pod.class;
    record("bind", pods, namespace, name);
    ObjectNode old = existing(pods, namespace, name);
    if (text(old, "spec.nodeName") != null) {
      throw new StatusException(409, "Conflict", "pod " + name + " is already assigned");
    }
    ObjectNode bound = old.deepCopy();
    JsonNode spec = bound.get("spec");
    (spec instanceof ObjectNode o ? o : bound.putObject("spec")).put("nodeName", nodeName);
    bumpRevision(bound);
    table(pods).put(key(bound), bound);
  }

  // ---- writes

  private <T extends HasMetadata> T replace(T object, String verb, boolean status) {
    ObjectNode tree = tree(object);
    Class<? extends HasMetadata> kind = object.getClass();
    String namespace = text(tree, "metadata.namespace");
    String name = text(tree, "metadata.name");
    record(verb, kind, namespace, name);
    ObjectNode old = existing(kind, namespace, name);
    String expected = text(tree, "metadata.resourceVersion");
    if (expected != null
        && !expected.isEmpty()
        && !expected.equals(text(old, "metadata.resourceVersion"))) {
      throw new StatusException(
          409,
          "Conflict",
          "Operation cannot be fulfilled on "
              + resource(kind)
              + " \""
              + name
              + "\": the object has been modified; please apply your changes to the latest"
              + " version and try again");
    }
    return typedLike(write(kind, old, tree, status), object);
  }

  /**
   * The registry's update rules: server metadata kept, spec/status split, generation, finalizers.
   */
  private ObjectNode write(
      Class<? extends HasMetadata> kind, ObjectNode old, ObjectNode object, boolean status) {
    ObjectNode result;
    if (status) {
      result = old.deepCopy();
      if (object.has("status")) {
        result.set("status", object.get("status").deepCopy());
      } else {
        result.remove("status");
      }
    } else {
      result = object.deepCopy();
      if (old.has("status")) {
        result.set("status", old.get("status").deepCopy());
      } else {
        result.remove("status");
      }
      ObjectNode meta = metadata(result);
      for (String kept :
          List.of("uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds")) {
        JsonNode value = old.path("metadata").get(kept);
        if (value == null) {
          meta.remove(kept);
        } else {
          meta.set(kept, value.deepCopy());
        }
      }
      long generation = old.path("metadata").path("generation").asLong(1);
      boolean specChanged = !Objects.equals(old.get("spec"), result.get("spec"));
      meta.put("generation", specChanged ? generation + 1 : generation);
    }
    metadata(result).put("resourceVersion", text(old, "metadata.resourceVersion"));
    if (result.equals(old)) {
      return old.deepCopy();
    }
    if (readyToDelete(result)) {
      table(kind).remove(key(result));
      return result;
    }
    bumpRevision(result);
    table(kind).put(key(result), result);
    return result.deepCopy();
  }

  private void fillCreateMetadata(ObjectNode tree, boolean fresh) {
    ObjectNode meta = metadata(tree);
    if (fresh || !meta.has("uid")) {
      meta.put("uid", "uid-" + (++uids));
    }
    if (fresh || !meta.has("creationTimestamp")) {
      meta.put("creationTimestamp", timestamp(clock.instant()));
    }
    if (fresh || !meta.has("generation")) {
      meta.put("generation", 1L);
    }
    bumpRevision(tree);
  }

  private void bumpRevision(ObjectNode tree) {
    metadata(tree).put("resourceVersion", Long.toString(++revision));
  }

  private static boolean readyToDelete(ObjectNode object) {
    JsonNode finalizers = object.path("metadata").path("finalizers");
    boolean pending = finalizers.isArray() && !finalizers.isEmpty();
    boolean graceful = object.path("metadata").path("deletionGracePeriodSeconds").asLong(0) > 0;
    return text(object, "metadata.deletionTimestamp") != null && !pending && !graceful;
  }

  private static long gracePeriod(Class<?> kind, ObjectNode old, Long requested) {
    if (!HasMetadata.getKind(kind).equals("Pod") || text(old, "spec.nodeName") == null) {
      return 0;
    }
    String phase = text(old, "status.phase");
    if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
      return 0;
    }
    if (requested != null) {
      return Math.max(0, requested);
    }
    return old.path("spec").path("terminationGracePeriodSeconds").asLong(30);
  }

  private static String defaultPolicy(Class<?> kind) {
    return "batch".equals(HasMetadata.getGroup(kind)) ? "Orphan" : "Background";
  }

  private static void addFinalizer(ObjectNode object, String finalizer) {
    ObjectNode meta = metadata(object);
    JsonNode existing = meta.get("finalizers");
    ArrayNode list = existing instanceof ArrayNode array ? array : meta.putArray("finalizers");
    for (JsonNode entry : list) {
      if (finalizer.equals(entry.asString())) {
        return;
      }
    }
    list.add(finalizer);
  }

  // ---- reads

  private ObjectNode existing(Class<?> kind, String namespace, String name) {
    ObjectNode tree = table(kind).get(key(namespace, name));
    if (tree == null) {
      throw new StatusException(404, "NotFound", resource(kind) + " \"" + name + "\" not found");
    }
    return tree;
  }

  private static boolean matchesFields(FieldSelector selector, ObjectNode tree) {
    Map<String, String> values = new HashMap<>();
    for (FieldRequirement r : selector.requirements()) {
      values.put(r.field(), text(tree, r.field()));
    }
    return selector.matches(values);
  }

  private static Map<String, String> labelsOf(ObjectNode tree) {
    Map<String, String> labels = new HashMap<>();
    tree.path("metadata")
        .path("labels")
        .properties()
        .forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
    return labels;
  }

  // ---- plumbing

  private void record(String verb, Class<?> kind, String namespace, String name) {
    Call call = new Call(verb, HasMetadata.getKind(kind), namespace, name);
    calls.add(call);
    for (Map.Entry<Predicate<Call>, StatusException> failure : failures) {
      if (failure.getKey().test(call)) {
        throw failure.getValue();
      }
    }
  }

  private TreeMap<String, ObjectNode> table(Class<?> kind) {
    return objects.computeIfAbsent(kind, k -> new TreeMap<>());
  }

  private static String key(ObjectNode tree) {
    return key(text(tree, "metadata.namespace"), text(tree, "metadata.name"));
  }

  private static String key(String namespace, String name) {
    return (namespace == null ? "" : namespace) + "/" + name;
  }

  private static String resource(Class<?> kind) {
    String group = HasMetadata.getGroup(kind);
    String plural = HasMetadata.getPlural(kind);
    return group == null || group.isEmpty() ? plural : plural + "." + group;
  }

  private static ObjectNode metadata(ObjectNode tree) {
    JsonNode meta = tree.get("metadata");
    return meta instanceof ObjectNode o ? o : tree.putObject("metadata");
  }

  /** The text at a dotted path, or null when absent. */
  static String text(JsonNode tree, String path) {
    JsonNode node = tree;
    for (String part : path.split("\\.")) {
      node = node.path(part);
    }
    return node.isMissingNode() || node.isNull() ? null : node.asString();
  }

  private static String timestamp(Instant at) {
    return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
  }

  /** Five characters of upstream's alphabet, deterministic so that tests can name results. */
  private String nextSuffix() {
    String alphabet = "bcdfghjklmnpqrstvwxz2456789";
    StringBuilder s = new StringBuilder();
    long n = ++generated;
    for (int i = 0; i < 5; i++) {
      s.insert(0, alphabet.charAt((int) (n % alphabet.length())));
      n /= alphabet.length();
    }
    return s.toString();
  }

  private static ObjectNode tree(HasMetadata object) {
    return KubernetesJson.mapper().valueToTree(object);
  }

  private static <T> T typed(ObjectNode tree, Class<T> kind) {
    return KubernetesJson.mapper().treeToValue(tree.deepCopy(), kind);
  }

  @SuppressWarnings("unchecked")
  private static <T extends HasMetadata> T typedLike(ObjectNode tree, T like) {
    return (T) typed(tree, like.getClass());
  }
}

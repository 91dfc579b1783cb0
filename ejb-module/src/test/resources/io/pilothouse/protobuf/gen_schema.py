#!/usr/bin/env python3
"""Generates ProtobufSchemaTable.java: the Kubernetes protobuf messages Pilothouse decodes.

Reads upstream's generated.proto files (wire structure: field numbers, types, repeated, maps)
and the Go types (*.go: JSON names, omitempty, pointers, inline embedding) of
github.com/kubernetes/api and github.com/kubernetes/apimachinery at one tag, keeps the messages
reachable from the served kinds, and writes them as a compact text table into a Java class.

usage: gen_schema.py API_GIT_DIR APIMACHINERY_GIT_DIR TAG OUTPUT_JAVA
  e.g. gen_schema.py /work/.mirror/kubernetes+api/repo /work/.mirror/kubernetes+apimachinery/repo \
         v0.32.9 ejb-module/src/main/java/io/pilothouse/protobuf/ProtobufSchemaTable.java
"""
import re
import subprocess
import sys

API, MACHINERY, TAG, OUT = sys.argv[1:5]

# (apiVersion group or "*", version, kind) -> message; "*" = any group version (DeleteOptions).
ROOTS = [
    ("", "v1", "Namespace", "k8s.io.api.core.v1.Namespace"),
    ("", "v1", "Node", "k8s.io.api.core.v1.Node"),
    ("", "v1", "Pod", "k8s.io.api.core.v1.Pod"),
    ("", "v1", "Service", "k8s.io.api.core.v1.Service"),
    ("", "v1", "Endpoints", "k8s.io.api.core.v1.Endpoints"),
    ("", "v1", "ConfigMap", "k8s.io.api.core.v1.ConfigMap"),
    ("", "v1", "Secret", "k8s.io.api.core.v1.Secret"),
    ("", "v1", "Event", "k8s.io.api.core.v1.Event"),
    ("", "v1", "ServiceAccount", "k8s.io.api.core.v1.ServiceAccount"),
    ("", "v1", "Binding", "k8s.io.api.core.v1.Binding"),
    ("apps", "v1", "Deployment", "k8s.io.api.apps.v1.Deployment"),
    ("apps", "v1", "ReplicaSet", "k8s.io.api.apps.v1.ReplicaSet"),
    ("batch", "v1", "Job", "k8s.io.api.batch.v1.Job"),
    ("coordination.k8s.io", "v1", "Lease", "k8s.io.api.coordination.v1.Lease"),
    ("discovery.k8s.io", "v1", "EndpointSlice", "k8s.io.api.discovery.v1.EndpointSlice"),
    ("policy", "v1", "Eviction", "k8s.io.api.policy.v1.Eviction"),
    ("autoscaling", "v1", "Scale", "k8s.io.api.autoscaling.v1.Scale"),
    ("*", "*", "DeleteOptions", "k8s.io.apimachinery.pkg.apis.meta.v1.DeleteOptions"),
]

# Messages with a custom JSON form, decoded by hand in WellKnownTypes.java.
SPECIAL = {
    "k8s.io.apimachinery.pkg.apis.meta.v1.Time",
    "k8s.io.apimachinery.pkg.apis.meta.v1.MicroTime",
    "k8s.io.apimachinery.pkg.apis.meta.v1.Duration",
    "k8s.io.apimachinery.pkg.apis.meta.v1.FieldsV1",
    "k8s.io.apimachinery.pkg.api.resource.Quantity",
    "k8s.io.apimachinery.pkg.util.intstr.IntOrString",
    "k8s.io.apimachinery.pkg.runtime.RawExtension",
}

SCALARS = {"double", "float", "int32", "int64", "uint32", "uint64", "sint32", "sint64",
           "fixed32", "fixed64", "sfixed32", "sfixed64", "bool", "string", "bytes"}


def package_dir(package):
    """proto package -> (git dir, directory of generated.proto and the Go files)."""
    if package.startswith("k8s.io.api."):
        return API, package[len("k8s.io.api."):].replace(".", "/")
    if package.startswith("k8s.io.apimachinery."):
        return MACHINERY, package[len("k8s.io.apimachinery."):].replace(".", "/")
    raise SystemExit("unknown package " + package)


def short(name):
    """Compact type name in the table: core.v1.Pod, meta.v1.ObjectMeta, intstr.IntOrString."""
    for prefix in ("k8s.io.api.", "k8s.io.apimachinery.pkg.apis.", "k8s.io.apimachinery.pkg.api.",
                   "k8s.io.apimachinery.pkg.util.", "k8s.io.apimachinery.pkg."):
        if name.startswith(prefix):
            return name[len(prefix):]
    raise SystemExit("cannot shorten " + name)


def git_show(repo, path):
    return subprocess.run(["git", "-C", repo, "show", f"{TAG}:{path}"], check=True,
                          capture_output=True, text=True).stdout


def git_ls(repo, directory):
    out = subprocess.run(["git", "-C", repo, "ls-tree", "--name-only", f"{TAG}:{directory}"],
                         check=True, capture_output=True, text=True).stdout
    return out.split()


FIELD = re.compile(r"^\s*(optional|repeated)\s+(\S+)\s+(\w+)\s*=\s*(\d+)\s*(\[[^\]]*\])?\s*;")
MAP = re.compile(r"^\s*map<\s*(\S+)\s*,\s*(\S+)\s*>\s+(\w+)\s*=\s*(\d+)\s*;")

protos = {}   # full message name -> list of (number, proto name, type, repeated, map)
loaded = set()


def load_proto(package):
    if package in loaded:
        return
    loaded.add(package)
    repo, directory = package_dir(package)
    text = git_show(repo, directory + "/generated.proto")
    current = None
    for line in text.splitlines():
        line = line.split("//")[0].rstrip()
        if not line.strip():
            continue
        m = re.match(r"^message (\w+) \{$", line)
        if m:
            if current is not None:
                raise SystemExit("nested message in " + package)
            current = package + "." + m.group(1)
            protos[current] = []
            continue
        if line == "}":
            current = None
            continue
        if current is None:
            continue
        m = MAP.match(line)
        if m:
            if m.group(1) != "string":
                raise SystemExit("non-string map key in " + current)
            protos[current].append((int(m.group(4)), m.group(3), resolve(package, m.group(2)),
                                    False, True))
            continue
        m = FIELD.match(line)
        if not m:
            raise SystemExit(f"unparsed line in {current}: {line}")
        protos[current].append((int(m.group(4)), m.group(3), resolve(package, m.group(2)),
                                m.group(1) == "repeated", False))


def resolve(package, typ):
    if typ in SCALARS:
        return typ
    if typ.startswith("."):
        return typ[1:]
    return package + "." + typ


GO_TYPE = re.compile(r"^type (\w+) struct \{")
GO_FIELD = re.compile(r"^\t(?:(\w+)\s+)?(\S+)\s+`([^`]*)`")
go_fields = {}  # full message name -> {number: (json name, omitempty, pointer, inline)}
go_loaded = set()


def load_go(package):
    if package in go_loaded:
        return
    go_loaded.add(package)
    repo, directory = package_dir(package)
    for name in git_ls(repo, directory):
        if (not name.endswith(".go") or name.endswith("_test.go") or name.startswith("zz_")
                or name == "generated.pb.go"):
            continue
        struct = None
        for line in git_show(repo, directory + "/" + name).splitlines():
            m = GO_TYPE.match(line)
            if m:
                struct = package + "." + m.group(1)
                go_fields.setdefault(struct, {})
                continue
            if line.startswith("}"):
                struct = None
                continue
            if struct is None:
                continue
            m = GO_FIELD.match(line)
            if not m:
                continue
            go_type, tag = m.group(2), m.group(3)
            pb = re.search(r'protobuf:"([^"]*)"', tag)
            js = re.search(r'json:"([^"]*)"', tag)
            if not pb or pb.group(1) == "-":
                continue
            number = int(pb.group(1).split(",")[1])
            parts = js.group(1).split(",") if js else [""]
            json_name, opts = parts[0], parts[1:]
            inline = "inline" in opts and json_name == ""
            if json_name == "-":
                continue
            if json_name == "" and not inline:
                json_name = m.group(1) or go_type.split(".")[-1]
            go_fields[struct][number] = (json_name, "omitempty" in opts,
                                         go_type.startswith("*"), inline)


schema = {}  # full name -> list of field tuples, or None for special


def visit(name):
    if name in schema:
        return
    package = name.rsplit(".", 1)[0]
    load_proto(package)
    if name in SPECIAL:
        schema[name] = None
        return
    if name not in protos:
        raise SystemExit("no message " + name)
    load_go(package)
    tags = go_fields.get(name)
    if tags is None:
        raise SystemExit("no Go struct for " + name)
    fields = []
    schema[name] = fields
    for number, proto_name, typ, repeated, is_map in protos[name]:
        if number not in tags:
            raise SystemExit(f"no Go tag for {name} field {number} {proto_name}")
        json_name, omitempty, pointer, inline = tags[number]
        fields.append((number, json_name, typ, repeated, is_map, omitempty, pointer, inline))
        if typ not in SCALARS:
            visit(typ)


for _, _, _, root in ROOTS:
    visit(root)

lines = []
for group, version, kind, root in ROOTS:
    lines.append(f"R {group or '-'} {version} {kind} {short(root)}")
for name in sorted(schema, key=short):
    fields = schema[name]
    if fields is None:
        lines.append(f"={short(name)} !")
        continue
    lines.append(f"={short(name)}")
    for number, json_name, typ, repeated, is_map, omitempty, pointer, inline in fields:
        flags = ("r" if repeated else "") + ("m" if is_map else "") + ("o" if omitempty else "") \
            + ("p" if pointer else "") + ("i" if inline else "")
        typ = typ if typ in SCALARS else short(typ)
        lines.append(f"{number} {json_name or '-'} {typ} {flags or '-'}")

chunks, current = [], []
for line in lines:
    if line.startswith("=") and sum(len(x) + 1 for x in current) > 30000:
        chunks.append(current)
        current = []
    current.append(line)
chunks.append(current)

# laid out as google-java-format (spotless) leaves it
body = ",\n".join('"""\n' + "\n".join(c) + '\n    """' for c in chunks)
messages = sum(1 for f in schema.values())
java = f'''package io.pilothouse.protobuf;

/**
 * GENERATED by src/test/resources/io/pilothouse/protobuf/gen_schema.py from kubernetes/api and
 * kubernetes/apimachinery {TAG} — do not edit; regenerate instead (see the README next to it).
 *
 * <p>The Kubernetes protobuf messages reachable from the kinds Pilothouse accepts ({messages} messages),
 * as text parsed by {{@link ProtobufSchema}}. Lines: {{@code R group version kind message}} maps an
 * envelope type to its message ({{@code -}} is the core group, {{@code *}} any); {{@code =message}}
 * starts a message ({{@code =message !}}: a type with its own JSON form, see {{@link WellKnownTypes}});
 * {{@code number jsonName type flags}} is a field, flags: r repeated, m map (string keys, type is the
 * value type), o omitempty, p Go pointer, i inlined into its parent, {{@code -}} none.
 */
final class ProtobufSchemaTable {{

  private ProtobufSchemaTable() {{}}

  /** The table, in chunks small enough for class-file string constants. */
  static final String[] CHUNKS = {{
{body}
  }};
}}
'''
with open(OUT, "w") as f:
    f.write(java)
print(f"{messages} messages, {len(lines)} lines, {len(chunks)} chunks -> {OUT}")

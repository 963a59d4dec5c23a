#!/usr/bin/env python3
"""Vendors the schemas `npm run deploy:check` validates against (deploy/schemas/).

Run by hand when moving to a newer Kubernetes, CloudNativePG, prometheus-operator or Compose
specification; the inputs are files of those projects' repositories (paths in deploy/schemas/README.md):

  python3 tools/deploy/vendor-schemas.py <k8s swagger.json> <cnpg crd dir> <prom-operator crd dir> <compose-spec.json>

Kubernetes: only the definitions reachable from the kinds below, without descriptions (a few
hundred kilobytes instead of four megabytes). CRDs: the openAPIV3Schema of each served version.
"""
import json
import os
import sys

import yaml  # Debian python3-yaml

KINDS = {
    ("", "v1"): ["ConfigMap", "Secret", "Service", "ServiceAccount", "PersistentVolumeClaim", "Namespace"],
    ("apps", "v1"): ["Deployment", "StatefulSet"],
    ("batch", "v1"): ["Job", "CronJob"],
    ("policy", "v1"): ["PodDisruptionBudget"],
    ("networking.k8s.io", "v1"): ["NetworkPolicy", "Ingress"],
    ("autoscaling", "v2"): ["HorizontalPodAutoscaler"],
    ("rbac.authorization.k8s.io", "v1"): ["Role", "RoleBinding"],
}
CRDS = {
    "cnpg": ["clusters", "databases", "scheduledbackups", "backups"],
    "monitoring": ["servicemonitors", "podmonitors", "prometheusrules"],
}


def strip(node):
    if isinstance(node, dict):
        return {k: strip(v) for k, v in node.items() if k != "description"}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node


def refs(node, found):
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            found.add(ref.split("/")[-1])
        for v in node.values():
            refs(v, found)
    elif isinstance(node, list):
        for v in node:
            refs(v, found)


def kubernetes(swagger_path, out_dir):
    with open(swagger_path) as f:
        definitions = json.load(f)["definitions"]
    roots = {}
    for name, d in definitions.items():
        for gvk in d.get("x-kubernetes-group-version-kind", []):
            kinds = KINDS.get((gvk["group"], gvk["version"]), [])
            if gvk["kind"] in kinds:
                api = f"{gvk['group']}/{gvk['version']}" if gvk["group"] else gvk["version"]
                roots[f"{api}/{gvk['kind']}"] = name
    keep, todo = set(), list(roots.values())
    while todo:
        name = todo.pop()
        if name in keep:
            continue
        keep.add(name)
        found = set()
        refs(definitions[name], found)
        todo.extend(found - keep)
    out = {"kinds": dict(sorted(roots.items())), "definitions": {n: strip(definitions[n]) for n in sorted(keep)}}
    with open(os.path.join(out_dir, "kubernetes.json"), "w") as f:
        json.dump(out, f, indent=None, separators=(",", ":"), sort_keys=True)
        f.write("\n")


def crds(crd_dir, group_key, out_dir):
    out = {}
    for file in sorted(os.listdir(crd_dir)):
        plural = file.split("_")[-1].removesuffix(".yaml")
        if plural not in CRDS[group_key]:
            continue
        with open(os.path.join(crd_dir, file)) as f:
            crd = yaml.safe_load(f)
        group, kind = crd["spec"]["group"], crd["spec"]["names"]["kind"]
        for version in crd["spec"]["versions"]:
            if version.get("served"):
                out[f"{group}/{version['name']}/{kind}"] = strip(version["schema"]["openAPIV3Schema"])
    with open(os.path.join(out_dir, f"{group_key}-crds.json"), "w") as f:
        json.dump(out, f, separators=(",", ":"), sort_keys=True)
        f.write("\n")


def main():
    swagger, cnpg_dir, monitoring_dir, compose = sys.argv[1:5]
    out_dir = os.path.join(os.path.dirname(__file__), "..", "..", "deploy", "schemas")
    kubernetes(swagger, out_dir)
    crds(cnpg_dir, "cnpg", out_dir)
    crds(monitoring_dir, "monitoring", out_dir)
    with open(compose) as f:
        schema = json.load(f)
    with open(os.path.join(out_dir, "compose-spec.json"), "w") as f:
        json.dump(schema, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()

"""Drives the Kubernetes emulator with the official Python client (Debian python3-kubernetes) and prints what it saw.

Usage: /usr/bin/python3 python_client_tour.py KUBECONFIG
"""
import json
import sys
import threading

from kubernetes import client, config, watch

config.load_kube_config(config_file=sys.argv[1])
core = client.CoreV1Api()
batch = client.BatchV1Api()
out = {}

# A Job and a pod it owns, as the Job controller would make them.
job = batch.create_namespaced_job("default", {
    "apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "report", "labels": {"app": "report"}},
    "spec": {"template": {"spec": {"restartPolicy": "Never", "containers": [{"name": "main", "image": "busybox"}]}}}})
out["job_generation"] = job.metadata.generation
out["job_managers"] = [(m.manager, m.operation) for m in job.metadata.managed_fields]

# Watch (the client sends watch=True) from the Job's version: every pod event the tour causes, replayed in order.
events = []
started = threading.Event()


def follow():
    w = watch.Watch()
    started.set()
    for event in w.stream(core.list_namespaced_pod, "default", label_selector="app=report", timeout_seconds=10,
                          resource_version=job.metadata.resource_version):
        events.append((event["type"], event["object"].metadata.name, event["object"].status.phase))
        if event["type"] == "DELETED":
            w.stop()


follower = threading.Thread(target=follow)
follower.start()
started.wait()

pod = core.create_namespaced_pod("default", {
    "apiVersion": "v1", "kind": "Pod",
    "metadata": {"name": "report-abcde", "labels": {"app": "report", "job-name": "report"},
                 "ownerReferences": [{"apiVersion": "batch/v1", "kind": "Job", "name": "report", "uid": job.metadata.uid,
                                      "controller": True, "blockOwnerDeletion": True}]},
    "spec": {"restartPolicy": "Never", "containers": [{"name": "main", "image": "busybox"}]}})
out["pod_generation"] = pod.metadata.generation
out["pod_manager"] = pod.metadata.managed_fields[0].manager

listed = core.list_namespaced_pod("default", label_selector="app=report,job-name=report")
out["listed"] = [p.metadata.name for p in listed.items]
out["list_version_is_set"] = bool(listed.metadata.resource_version)

patched = core.patch_namespaced_pod("report-abcde", "default", {"metadata": {"annotations": {"checked": "yes"}}})
out["patched_annotation"] = patched.metadata.annotations["checked"]
status = core.patch_namespaced_pod_status("report-abcde", "default", {"status": {"phase": "Succeeded"}})
out["status_phase"] = status.status.phase
out["status_managers"] = sorted((m.manager, m.subresource or "") for m in status.metadata.managed_fields)

job_status = batch.patch_namespaced_job_status("report", "default", {"status": {"succeeded": 1}})
out["job_succeeded"] = job_status.status.succeeded

batch.delete_namespaced_job("report", "default", propagation_policy="Background")
follower.join(timeout=10)
out["pods_after_delete"] = [p.metadata.name for p in core.list_namespaced_pod("default", label_selector="app=report").items]
out["events"] = events

try:
    core.read_namespaced_pod("report-abcde", "default")
    out["read_deleted"] = None
except client.exceptions.ApiException as e:
    out["read_deleted"] = {"status": e.status, "reason": json.loads(e.body)["reason"]}

print(json.dumps(out))

#!/usr/bin/env bash
# Installs, from Debian's packages, the tools the tests drive for real: promtool (metrics format), kubectl (emulator fidelity),
# botocore/boto3 (AWS wire shapes), the official Kubernetes Python client (emulator fidelity), iptables and iproute2 (Kube2Iam's DNAT rule in a network namespace).
# Idempotent and quick when everything is already there.
set -euo pipefail

missing=()
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
command -v kubectl >/dev/null 2>&1 || missing+=(kubernetes-client)
[ -d /usr/lib/python3/dist-packages/botocore ] || missing+=(python3-botocore)
[ -d /usr/lib/python3/dist-packages/boto3 ] || missing+=(python3-boto3)
[ -d /usr/lib/python3/dist-packages/kubernetes ] || missing+=(python3-kubernetes)
command -v iptables >/dev/null 2>&1 || missing+=(iptables)
command -v ip >/dev/null 2>&1 || missing+=(iproute2)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "tests need: ${missing[*]} (install them with apt-get as root)" >&2
  exit 1
fi

echo "installing test dependencies: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

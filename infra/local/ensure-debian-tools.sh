#!/usr/bin/env bash
# Installs the Debian packages the infra checks use when they are missing (CI runs as root):
#   nginx           infra/local/scale-out-test.mjs (reverse proxy) and `nginx -t` in validate:infra
#   docker-compose  `docker-compose config` in validate:infra (Compose v1 from Debian: it parses and
#                   validates a compose file without a container engine)
#   pdftotext       (poppler-utils) the report pack's tests read the text and pages of the PDF it prints
# No service is started: the nginx package's own service is kept from starting on port 80.
set -euo pipefail

declare -A package_of=([nginx]=nginx [docker-compose]=docker-compose [pdftotext]=poppler-utils)
missing=()
for program in "${!package_of[@]}"; do
  if ! command -v "$program" >/dev/null && [[ ! -x "/usr/sbin/$program" ]]; then missing+=("${package_of[$program]}"); fi
done
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "ensure-debian-tools: nginx, docker-compose and pdftotext are installed" >&2
  exit 0
fi
if [[ $(id -u) -ne 0 ]]; then
  echo "ensure-debian-tools: missing ${missing[*]}; installing needs root (apt-get install -y ${missing[*]})" >&2
  exit 1
fi
made_policy=false
if [[ ! -e /usr/sbin/policy-rc.d ]]; then
  printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
  chmod +x /usr/sbin/policy-rc.d
  made_policy=true
fi
trap '[[ $made_policy == true ]] && rm -f /usr/sbin/policy-rc.d' EXIT
echo "ensure-debian-tools: installing ${missing[*]} from Debian's packages" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2

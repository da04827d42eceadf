#!/usr/bin/env bash
# Installs nginx from Debian's packages when it is missing (the scale-out test runs it as a child
# process with a generated configuration; the package's own service is never started).
set -euo pipefail

nginx_bin() { command -v nginx || { [[ -x /usr/sbin/nginx ]] && echo /usr/sbin/nginx; } || true; }

if [[ -n "$(nginx_bin)" ]]; then
  nginx_bin
  exit 0
fi
if [[ $(id -u) -ne 0 ]]; then
  echo "ensure-nginx: nginx is missing and installing it needs root (apt-get install -y nginx)" >&2
  exit 1
fi

# The package's post-install script starts the nginx service on port 80 unless policy-rc.d forbids
# it; forbid it for this install only, when the image does not already.
made_policy=false
if [[ ! -e /usr/sbin/policy-rc.d ]]; then
  printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
  chmod +x /usr/sbin/policy-rc.d
  made_policy=true
fi
trap '[[ $made_policy == true ]] && rm -f /usr/sbin/policy-rc.d' EXIT

echo "ensure-nginx: installing nginx from Debian's packages" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends nginx >&2
nginx_bin

#!/usr/bin/env bash
# Installs what the project needs, only what is missing: Debian packages, then the Python .venv.
# Idempotent and quick when everything is present.
set -euo pipefail
cd "$(dirname "$0")/.."

build_packages=(libcurl4-openssl-dev libsqlite3-dev libssl-dev libxml2-dev libgumbo-dev zlib1g-dev pkg-config dpkg-dev make gcc)
test_packages=(chromium chromium-driver busybox-static unzip zip curl wrk gdb)
packages=("${build_packages[@]}")
[ "${DEPS_SKIP_TEST_PACKAGES:-0}" = 1 ] || packages+=("${test_packages[@]}")

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "deps: installing Debian packages: ${missing[*]}"
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "deps: apt-get is not available; install these packages by hand: ${missing[*]}" >&2
    exit 1
  fi
  sudo=()
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo=(sudo -n)
    else
      echo "deps: not root and no password-less sudo; run as root: apt-get install -y ${missing[*]}" >&2
      exit 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The minimal libcurl the Lambda packages bundle (see the script).
./scripts/build-libcurl.sh

# The Python virtual environment, rebuilt when requirements-dev.txt changes.
stamp=.venv/.requirements.sha256
wanted=$(sha256sum requirements-dev.txt | cut -d' ' -f1)
if [ ! -x .venv/bin/python ] || [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  echo "deps: building .venv from requirements-dev.txt"
  python3 -m venv .venv
  .venv/bin/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
  echo "$wanted" > "$stamp"
fi

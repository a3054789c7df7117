#!/usr/bin/env bash
# Installs the peer tools the end-to-end comparison runs against, from Debian's
# archive, and prints their versions. Idempotent: packages already installed
# are left alone, and `apt-get update` runs only when something is missing.
#
# Usage: bench/e2e/install-peers.sh        (needs root, or sudo)
set -euo pipefail

# Debian (bookworm) package names. Each was checked with `apt-cache policy`:
#   plink2, plink1.9, bcftools, tabix (bgzip), python3-numpy (simvcf.py needs
#   numpy for Debian's /usr/bin/python3), time (GNU /usr/bin/time, for peak
#   RSS), zstd (the compression baseline), hyperfine (for ad-hoc timing).
packages=(plink2 plink1.9 bcftools tabix python3-numpy time zstd hyperfine)

if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then SUDO=(sudo); else
        echo "install-peers: need root (or sudo) to apt-get install" >&2; exit 1
    fi
else
    SUDO=()
fi

is_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

missing=()
for p in "${packages[@]}"; do
    is_installed "$p" || missing+=("$p")
done

if ((${#missing[@]})); then
    echo "install-peers: missing: ${missing[*]}" >&2
    "${SUDO[@]}" apt-get update -qq
    # A package name the archive does not know is dropped with a message,
    # instead of failing the whole install.
    available=()
    for p in "${missing[@]}"; do
        if [[ -n $(apt-cache policy "$p" 2>/dev/null | awk '/Candidate:/ && $2 != "(none)" {print $2}') ]]; then
            available+=("$p")
        else
            echo "install-peers: package '$p' is not in the apt archive here; skipped" >&2
        fi
    done
    if ((${#available[@]})); then
        DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq "${available[@]}" >/dev/null
    fi
else
    echo "install-peers: all packages already installed" >&2
fi

version() { # name, command...
    local name=$1; shift
    if command -v "$1" >/dev/null 2>&1; then
        printf '%-10s %s\n' "$name" "$("$@" 2>&1 | grep -m1 -v '^$')"
    else
        printf '%-10s %s\n' "$name" "NOT INSTALLED"
    fi
}
version plink2    plink2 --version
version plink1.9  plink1.9 --version
version bcftools  bcftools --version
version bgzip     bgzip --version
version zstd      zstd --version
version hyperfine hyperfine --version
version time      /usr/bin/time --version
printf '%-10s %s\n' numpy "$(/usr/bin/python3 -c 'import numpy; print(numpy.__version__)' 2>&1 | tail -1)"
if command -v dotnet >/dev/null 2>&1; then printf '%-10s %s\n' dotnet "$(dotnet --version)"; fi

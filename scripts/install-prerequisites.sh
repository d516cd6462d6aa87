#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine needs to build, run and test Motcua.
# Idempotent and fast when everything is already present.
set -euo pipefail

log() { printf '[prereq] %s\n' "$*"; }

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DEBIAN_FRONTEND=noninteractive

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    fi
fi

missing=()

# Debian's Chromium for the browser tests.
if [ ! -x /usr/bin/chromium ]; then
    missing+=(chromium)
fi

# Fonts with Vietnamese glyphs (screenshots, PDF documents drawn by SkiaSharp), and fontconfig,
# which the native SkiaSharp library links against.
for pkg in fonts-noto-core fonts-liberation2 libfontconfig1; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$pkg")
    fi
done

# PostgreSQL server (>= 15) for the integration tests.
if ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
    missing+=(postgresql-15)
fi

# ICU for .NET globalization (vi-VN culture); normally present.
if ! compgen -G '/usr/lib/x86_64-linux-gnu/libicuuc.so.*' >/dev/null \
    && ! compgen -G '/usr/lib/*/libicuuc.so.*' >/dev/null \
    && ! ldconfig -p 2>/dev/null | grep -q 'libicuuc\.so'; then
    missing+=(libicu72)
fi

if [ "${#missing[@]}" -gt 0 ]; then
    log "installing: ${missing[*]}"
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
        || $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
    log "installed: ${missing[*]}"
else
    log "system packages present (chromium, fonts, postgresql, icu)"
fi

if [ -f "$REPO_ROOT/.config/dotnet-tools.json" ]; then
    log "dotnet tool restore"
    if ! out="$(cd "$REPO_ROOT" && dotnet tool restore 2>&1)"; then
        printf '%s\n' "$out" >&2
        log "dotnet tool restore FAILED"
        exit 1
    fi
fi

log "done"

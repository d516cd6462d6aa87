#!/usr/bin/env bash
# Re-vendors the front-end libraries into src/Motcua/wwwroot/lib (the result is committed,
# so building or running the app never needs npm). Needs npm and the npm registry.
#
#   bash scripts/vendor-frontend.sh                # latest htmx.org 2.x and chart.js 4.x
#   HTMX_SPEC=htmx.org@2.0.11 CHARTJS_SPEC=chart.js@4.6.1 bash scripts/vendor-frontend.sh
set -euo pipefail

log() { printf '[vendor] %s\n' "$*"; }
die() { printf '[vendor] ERROR: %s\n' "$*" >&2; exit 1; }

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LIB="$REPO_ROOT/src/Motcua/wwwroot/lib"
HTMX_SPEC="${HTMX_SPEC:-htmx.org@2}"
CHARTJS_SPEC="${CHARTJS_SPEC:-chart.js@4}"

command -v npm >/dev/null 2>&1 || die "npm not found"

WORK="$(mktemp -d /tmp/motcua-vendor.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

# fetch SPEC -> prints the extracted package dir; `npm pack` downloads the tarball only
# (no dependencies, no install scripts).
fetch() {
    local spec="$1" name="$2" dest="$WORK/$2" tgz
    mkdir -p "$dest"
    tgz="$(cd "$dest" && npm pack "$spec" --silent 2>/dev/null | tail -n 1)"
    [ -n "$tgz" ] && [ -f "$dest/$tgz" ] || die "npm pack $spec failed"
    tar -xzf "$dest/$tgz" -C "$dest"
    [ -f "$dest/package/package.json" ] || die "unexpected tarball layout for $spec"
    printf '%s\n' "$dest/package"
}

pkg_field() {
    node -e 'process.stdout.write(String(require(process.argv[1])[process.argv[2]] ?? "unknown"))' "$1/package.json" "$2"
}

# first_file DIR CANDIDATE... -> first candidate that exists
first_file() {
    local dir="$1" f
    shift
    for f in "$@"; do
        if [ -f "$dir/$f" ]; then
            printf '%s\n' "$dir/$f"
            return 0
        fi
    done
    return 1
}

log "fetching $HTMX_SPEC"
HTMX_DIR="$(fetch "$HTMX_SPEC" htmx)"
HTMX_VERSION="$(pkg_field "$HTMX_DIR" version)"
HTMX_JS="$(first_file "$HTMX_DIR" dist/htmx.min.js)" || die "htmx: dist/htmx.min.js not found"
HTMX_LICENSE="$(first_file "$HTMX_DIR" LICENSE LICENSE.md LICENSE.txt)" || die "htmx: no LICENSE"

log "fetching $CHARTJS_SPEC"
CHART_DIR="$(fetch "$CHARTJS_SPEC" chartjs)"
CHART_VERSION="$(pkg_field "$CHART_DIR" version)"
# chart.js 4 ships dist/chart.umd.min.js (4.5+) or only dist/chart.umd.js (already minified, older 4.x).
CHART_JS="$(first_file "$CHART_DIR" dist/chart.umd.min.js dist/chart.umd.js)" \
    || die "chart.js: no UMD bundle in dist/"
CHART_LICENSE="$(first_file "$CHART_DIR" LICENSE.md LICENSE LICENSE.txt)" || die "chart.js: no LICENSE"

mkdir -p "$LIB/htmx" "$LIB/chart.js"
rm -f "$LIB/htmx/"* "$LIB/chart.js/"*
cp "$HTMX_JS" "$LIB/htmx/htmx.min.js"
cp "$HTMX_LICENSE" "$LIB/htmx/LICENSE"
cp "$CHART_JS" "$LIB/chart.js/chart.umd.min.js"
cp "$CHART_LICENSE" "$LIB/chart.js/LICENSE.md"

sha() { sha256sum "$1" | cut -d' ' -f1; }
cat >"$LIB/VERSIONS.txt" <<TXT
# Vendored front-end libraries. Regenerate with: bash scripts/vendor-frontend.sh
# Files are copied unmodified from the npm packages named below.
htmx.org $HTMX_VERSION
  htmx/htmx.min.js <- package/${HTMX_JS#"$HTMX_DIR"/} sha256 $(sha "$LIB/htmx/htmx.min.js")
  htmx/LICENSE <- package/${HTMX_LICENSE#"$HTMX_DIR"/} (license: $(pkg_field "$HTMX_DIR" license))
chart.js $CHART_VERSION
  chart.js/chart.umd.min.js <- package/${CHART_JS#"$CHART_DIR"/} sha256 $(sha "$LIB/chart.js/chart.umd.min.js")
  chart.js/LICENSE.md <- package/${CHART_LICENSE#"$CHART_DIR"/} (license: $(pkg_field "$CHART_DIR" license))
TXT

log "htmx.org $HTMX_VERSION -> src/Motcua/wwwroot/lib/htmx/htmx.min.js"
log "chart.js $CHART_VERSION -> src/Motcua/wwwroot/lib/chart.js/chart.umd.min.js"
log "wrote src/Motcua/wwwroot/lib/VERSIONS.txt"

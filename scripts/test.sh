#!/usr/bin/env bash
# THE test command of Motcua (README, .ci/run): bash scripts/test.sh
#
# 1. installs prerequisites (scripts/install-prerequisites.sh)
# 2. starts a throwaway PostgreSQL (scripts/postgres.sh), stopped again on exit
# 3. restore, format check, Release build
# 4. runs every test project tests/*/*.csproj (all of them, even if one fails)
# 5. sums the TRX results; the very last line is "N passed, N failed"
#
# Knobs:
#   MOTCUA_TEST_FILTER            passed to dotnet test as --filter
#   MOTCUA_SKIP_PREREQS=1         skip step 1
#   MOTCUA_SKIP_FORMAT=1          skip the format check (local use only)
#   MOTCUA_TEST_PROJECT_TIMEOUT   seconds per test project before it is killed (default 900)
#   CI=true                       non-interactive; build servers disabled so nothing lingers
set -uo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

export DOTNET_NOLOGO=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_CLI_UI_LANGUAGE=en
export NUGET_XMLDOC_MODE=skip
export MSBUILDTERMINALLOGGER=off
export DEBIAN_FRONTEND=noninteractive
export MOTCUA_CHROMIUM="${MOTCUA_CHROMIUM:-/usr/bin/chromium}"

SOLUTION=Motcua.slnx
RESULTS_DIR="$REPO_ROOT/artifacts/test-results"
PROJECT_TIMEOUT="${MOTCUA_TEST_PROJECT_TIMEOUT:-900}"
START_TIME=$SECONDS

log() { printf '[test] %s\n' "$*"; }
elapsed() { printf '%ds' $((SECONDS - START_TIME)); }

BUILD_SERVER_ARGS=()
if [ "${CI:-}" = "true" ] || [ "${CI:-}" = "1" ]; then
    # Compiler/MSBuild/Razor servers would outlive the run on a CI machine.
    BUILD_SERVER_ARGS=(--disable-build-servers)
fi

# ---------------------------------------------------------------- PostgreSQL
PG_DIR=""
stop_postgres() {
    if [ -n "$PG_DIR" ]; then
        bash "$REPO_ROOT/scripts/postgres.sh" stop "$PG_DIR" >/dev/null 2>&1 || true
        PG_DIR=""
    fi
}
trap stop_postgres EXIT
trap 'stop_postgres; exit 130' INT
trap 'stop_postgres; exit 143' TERM

# A failure before any test ran: clear message, then the summary line, exit 1.
fail_early() {
    log "FAILED: $*"
    stop_postgres
    echo "0 passed, 1 failed"
    exit 1
}

# ---------------------------------------------------------------- 1. prerequisites
if [ "${MOTCUA_SKIP_PREREQS:-}" != "1" ]; then
    bash "$REPO_ROOT/scripts/install-prerequisites.sh" </dev/null \
        || fail_early "scripts/install-prerequisites.sh failed"
fi

# ---------------------------------------------------------------- 2. PostgreSQL
PG_DIR="$(mktemp -d /tmp/motcua-test-pg.XXXXXX)"
PG_CONN="$(bash "$REPO_ROOT/scripts/postgres.sh" start "$PG_DIR" </dev/null | tail -n 1)" \
    || fail_early "could not start the throwaway PostgreSQL (scripts/postgres.sh)"
case "$PG_CONN" in
    Host=*) ;;
    *) fail_early "scripts/postgres.sh printed no connection string" ;;
esac
export MOTCUA_TEST_POSTGRES="$PG_CONN"
log "PostgreSQL: $MOTCUA_TEST_POSTGRES"
log "Chromium: $MOTCUA_CHROMIUM"

# ---------------------------------------------------------------- 3. restore, format, build
[ -f "$SOLUTION" ] || fail_early "$SOLUTION not found in $REPO_ROOT"

if [ -f .config/dotnet-tools.json ]; then
    log "dotnet tool restore"
    dotnet tool restore </dev/null || fail_early "dotnet tool restore failed"
fi

log "dotnet restore $SOLUTION ($(elapsed))"
dotnet restore "$SOLUTION" </dev/null || fail_early "dotnet restore failed"

if [ "${MOTCUA_SKIP_FORMAT:-}" = "1" ]; then
    log "format check SKIPPED (MOTCUA_SKIP_FORMAT=1)"
else
    log "dotnet format --verify-no-changes ($(elapsed))"
    if ! dotnet format "$SOLUTION" --verify-no-changes --no-restore </dev/null; then
        log "Formatting/style check failed: the code is not formatted as .editorconfig requires."
        log "Fix it with: dotnet format $SOLUTION   (then commit the changes)"
        fail_early "dotnet format --verify-no-changes"
    fi
fi

log "dotnet build -c Release ($(elapsed))"
dotnet build "$SOLUTION" -c Release --no-restore "${BUILD_SERVER_ARGS[@]}" </dev/null \
    || fail_early "dotnet build failed"

# ---------------------------------------------------------------- 4. tests
rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"

# Discover tests/*/*.csproj; run fast suites first, browser tests last.
mapfile -t ALL_PROJECTS < <(compgen -G 'tests/*/*.csproj' | sort)
PROJECTS=()
for wanted in UnitTests ArchitectureTests IntegrationTests; do
    for p in "${ALL_PROJECTS[@]}"; do
        [ "$(basename "$p" .csproj)" = "Motcua.$wanted" ] && PROJECTS+=("$p")
    done
done
for p in "${ALL_PROJECTS[@]}"; do
    case " ${PROJECTS[*]} " in *" $p "*) continue ;; esac
    case "$p" in *BrowserTests*) continue ;; esac
    PROJECTS+=("$p")
done
for p in "${ALL_PROJECTS[@]}"; do
    case "$p" in *BrowserTests*) PROJECTS+=("$p") ;; esac
done

if [ "${#PROJECTS[@]}" -eq 0 ]; then
    fail_early "no test projects found (tests/*/*.csproj)"
fi

FILTER_ARGS=()
if [ -n "${MOTCUA_TEST_FILTER:-}" ]; then
    FILTER_ARGS=(--filter "$MOTCUA_TEST_FILTER")
    log "filter: $MOTCUA_TEST_FILTER"
fi

declare -A EXIT_CODES=()
for proj in "${PROJECTS[@]}"; do
    name="$(basename "$proj" .csproj)"
    log "=== $name ($(elapsed)) ==="
    timeout --kill-after=60 "$PROJECT_TIMEOUT" \
        dotnet test "$proj" -c Release --no-build \
        --logger "trx;LogFileName=$name.trx" \
        --results-directory "$RESULTS_DIR" \
        --blame-hang --blame-hang-timeout 5m --blame-hang-dump-type none \
        "${FILTER_ARGS[@]}" </dev/null
    EXIT_CODES[$name]=$?
    if [ "${EXIT_CODES[$name]}" -eq 124 ] || [ "${EXIT_CODES[$name]}" -eq 137 ]; then
        log "$name: killed after ${PROJECT_TIMEOUT}s"
    fi
done

stop_postgres

# ---------------------------------------------------------------- 5. summary
# attr NAME FILE -> value of NAME="..." on the <Counters .../> element (0 if absent)
attr() {
    local v
    v="$(grep -o '<Counters [^>]*' "$2" | head -n 1 | grep -o " $1=\"[0-9]*\"" | head -n 1 | sed 's/[^0-9]//g')"
    printf '%s\n' "${v:-0}"
}

TOTAL_PASSED=0
TOTAL_FAILED=0
TOTAL_SKIPPED=0
SUMMARY_LINES=()
for proj in "${PROJECTS[@]}"; do
    name="$(basename "$proj" .csproj)"
    code="${EXIT_CODES[$name]:-1}"
    trx="$RESULTS_DIR/$name.trx"
    if [ ! -f "$trx" ] || ! grep -q '<Counters ' "$trx"; then
        if [ "$code" -eq 0 ] && [ -n "${MOTCUA_TEST_FILTER:-}" ]; then
            SUMMARY_LINES+=("$(printf '%-32s no test matched the filter' "$name")")
            continue
        fi
        TOTAL_FAILED=$((TOTAL_FAILED + 1))
        SUMMARY_LINES+=("$(printf '%-32s FAILED: no TRX produced (exit code %s; crashed or timed out)' "$name" "$code")")
        continue
    fi
    total="$(attr total "$trx")"
    executed="$(attr executed "$trx")"
    passed="$(attr passed "$trx")"
    failed=$(($(attr failed "$trx") + $(attr error "$trx") + $(attr timeout "$trx") + $(attr aborted "$trx")))
    skipped=$((total - executed))
    [ "$skipped" -lt 0 ] && skipped=0
    note=""
    if [ "$code" -ne 0 ] && [ "$failed" -eq 0 ]; then
        # Non-zero exit with no failed test: the test host crashed or was killed.
        failed=1
        note=" (exit code $code: test run aborted/crashed)"
    fi
    TOTAL_PASSED=$((TOTAL_PASSED + passed))
    TOTAL_FAILED=$((TOTAL_FAILED + failed))
    TOTAL_SKIPPED=$((TOTAL_SKIPPED + skipped))
    SUMMARY_LINES+=("$(printf '%-32s %4d passed, %4d failed, %4d skipped (total %d)%s' \
        "$name" "$passed" "$failed" "$skipped" "$total" "$note")")
done

echo
log "Test results (TRX files in ${RESULTS_DIR#"$REPO_ROOT"/}), total time $(elapsed):"
for line in "${SUMMARY_LINES[@]}"; do
    echo "  $line"
done
if [ "$TOTAL_SKIPPED" -gt 0 ]; then
    log "$TOTAL_SKIPPED test(s) skipped"
fi

STATUS=0
if [ "$TOTAL_FAILED" -gt 0 ]; then
    log "FAILED: $TOTAL_FAILED failing test(s)/project(s)"
    STATUS=1
elif [ "$TOTAL_PASSED" -eq 0 ]; then
    log "FAILED: no test ran"
    STATUS=1
fi
echo "$TOTAL_PASSED passed, $TOTAL_FAILED failed"
exit "$STATUS"

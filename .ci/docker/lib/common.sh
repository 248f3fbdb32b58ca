# shellcheck shell=bash
# Part of .ci/docker-setup.sh: logging, stage timings, temporary directories, apt. Sourced, not run.

log() { printf '[docker-setup] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

declare -a TIMINGS=()
declare -a TEMPORARY_ROOTS=()

# Also runs on exit, so a failed build leaves neither a mounted /proc nor a half-built root behind.
remove_temporary_roots() {
    local root
    for root in "${TEMPORARY_ROOTS[@]}"; do
        if mountpoint -q "$root/proc"; then
            umount "$root/proc" || { log "left $root behind: its /proc is still mounted"; continue; }
        fi
        rm -rf --one-file-system "$root"
    done
    TEMPORARY_ROOTS=()
}
trap remove_temporary_roots EXIT

# Runs one stage and records how long it took.
stage() {
    local name=$1
    shift
    local started=$EPOCHREALTIME
    log "$name ..."
    "$@"
    local seconds
    seconds=$(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
    TIMINGS+=("$(printf '%-28s %7s s' "$name" "$seconds")")
    log "$name done in ${seconds} s"
}

print_timings() {
    log "timings:"
    local line
    for line in "${TIMINGS[@]}"; do
        log "  $line"
    done
}

apt_get() {
    # Other jobs on the machine may hold dpkg's lock for a while; wait instead of failing.
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -q "$@"
}

# shellcheck shell=bash
# Part of .ci/docker-setup.sh: the Docker engine, installed from trixie and started in the background. Sourced, not run.

engine_major_version() {
    command -v dockerd > /dev/null || { echo 0; return; }
    dockerd --version | sed -E 's/^Docker version ([0-9]+).*/\1/'
}

add_trixie_source() {
    # Same deb822 format as the machine's own sources; the low pin keeps every other package on bookworm.
    cat > /etc/apt/sources.list.d/dbgate-trixie.sources <<'EOF'
Types: deb
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    cat > /etc/apt/preferences.d/dbgate-trixie <<'EOF'
Package: *
Pin: release n=trixie
Pin-Priority: 100
EOF
}

install_engine() {
    if [[ $(engine_major_version) -ge $MIN_ENGINE_MAJOR && -x $DOCKER ]] && command -v debootstrap > /dev/null; then
        log "docker.io $(dockerd --version | cut -d' ' -f3 | tr -d ,) and debootstrap already installed"
        return
    fi
    add_trixie_source
    apt_get update
    # Per-package "/trixie" rather than "-t trixie": -t would also pull trixie's libc6, dpkg and base-files,
    # turning the machine half into trixie. These three only need bookworm's libc.
    apt_get install -y --no-install-recommends \
        docker.io/trixie containerd/trixie docker-cli/trixie debootstrap
}

engine_answers() {
    timeout 5 "$DOCKER" info > /dev/null 2>&1
}

# Starts dockerd with the given options; succeeds once the engine answers, fails if it exits or times out.
try_start_dockerd() {
    log "starting dockerd ${*:-with default options} (log: $DOCKERD_LOG)"
    # 9>&-: the daemon outlives this script and must not keep holding the setup lock.
    setsid dockerd "$@" >> "$DOCKERD_LOG" 2>&1 < /dev/null 9>&- &
    local pid=$!
    local deadline=$((SECONDS + DOCKERD_START_TIMEOUT))
    while ((SECONDS < deadline)); do
        engine_answers && return 0
        if ! kill -0 "$pid" 2> /dev/null; then
            log "dockerd ${*:-} exited early; last lines of its log:"
            tail -n 5 "$DOCKERD_LOG" >&2
            return 1
        fi
        sleep 0.5
    done
    log "dockerd did not answer within ${DOCKERD_START_TIMEOUT} s; stopping it"
    kill "$pid" 2> /dev/null || true
    wait "$pid" 2> /dev/null || true
    return 1
}

start_engine() {
    if engine_answers; then
        log "engine already answers at $DOCKER_HOST"
        return
    fi
    mkdir -p "$LOG_DIR"
    # Most capable first; the fallbacks are for sandboxes without netfilter or overlay mounts.
    try_start_dockerd \
        || try_start_dockerd --iptables=false \
        || try_start_dockerd --iptables=false --storage-driver=vfs \
        || die "dockerd did not start with any option set; see $DOCKERD_LOG"
}

report_engine() {
    "$DOCKER" version --format 'engine {{.Server.Version}}, API {{.Server.APIVersion}}' >&2
    "$DOCKER" info --format 'storage driver {{.Driver}}, cgroup {{.CgroupVersion}}' >&2
}

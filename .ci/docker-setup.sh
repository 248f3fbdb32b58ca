#!/usr/bin/env bash
# Brings up a Docker engine and the dbgate/postgres images on a Debian bookworm machine that reaches Debian's
# archive but no image registry. Idempotent: a rerun on a prepared machine takes a few seconds.
#
#   bash .ci/docker-setup.sh            # engine + images + a readiness check of each image
#   DBGATE_DOCKER_SKIP_CHECK=1 ...      # skip the readiness check
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
readonly SCRIPT_DIR
readonly ENTRYPOINT_SOURCE="$SCRIPT_DIR/docker/postgres-entrypoint.sh"
readonly MIRROR=http://deb.debian.org/debian
readonly CACHE_DIR=${DBGATE_IMAGE_CACHE:-/var/cache/dbgate-images}
readonly LOG_DIR=/var/log/dbgate
readonly DOCKERD_LOG="$LOG_DIR/dockerd.log"
readonly DOCKERD_START_TIMEOUT=60
# Bump when the package set or clean-up of a root file system changes, so cached tarballs are rebuilt.
readonly ROOTFS_RECIPE=2
# bookworm's docker.io is 20.10 (API 1.41), too old for Testcontainers 4; trixie's speaks 1.45.
readonly MIN_ENGINE_MAJOR=26
# /usr/local/bin/docker may be a client of another version that shadows the packaged one.
readonly DOCKER=/usr/bin/docker
export DOCKER_HOST=${DOCKER_HOST:-unix:///var/run/docker.sock}

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

# Runs apt inside a root file system, with /proc mounted and services kept from starting.
in_chroot() {
    local root=$1
    shift
    chroot "$root" env DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 "$@"
}

configure_rootfs_for_small_installs() {
    local root=$1
    printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d"
    chmod +x "$root/usr/sbin/policy-rc.d"
    cat > "$root/etc/dpkg/dpkg.cfg.d/01-dbgate-no-docs" <<'EOF'
path-exclude=/usr/share/doc/*
path-exclude=/usr/share/man/*
path-exclude=/usr/share/info/*
path-exclude=/usr/share/locale/*
path-exclude=/usr/share/lintian/*
EOF
    # APT::Sandbox::User: the chroot's _apt user cannot read the lists debootstrap left behind.
    printf 'APT::Install-Recommends "false";\nAcquire::Languages "none";\nAPT::Sandbox::User "root";\n' \
        > "$root/etc/apt/apt.conf.d/01-dbgate"
    # The entrypoint runs initdb itself, with the caller's user and password.
    mkdir -p "$root/etc/postgresql-common/createcluster.d"
    echo 'create_main_cluster = false' > "$root/etc/postgresql-common/createcluster.d/dbgate.conf"
}

# Packages postgres itself never loads: LLVM (JIT, off-path for short migrations) and what only it needs,
# perl (postgresql-common's cluster tools, which the entrypoint does not use) and locale sources.
readonly STRIPPED_PACKAGES='^(libllvm[0-9]+|libz3-[0-9]+|perl|perl-modules-[0-9.]+|libperl5\.[0-9]+|locales)$'

strip_rootfs() {
    local root=$1 pg_major=$2
    local unused
    # shellcheck disable=SC2016 # a dpkg-query format, not a shell expansion
    mapfile -t unused < <(in_chroot "$root" dpkg-query -W -f '${Package}\n' | grep -E "$STRIPPED_PACKAGES")
    in_chroot "$root" dpkg --purge --force-depends "${unused[@]}" >> "$LOG_DIR/strip-$pg_major.log" 2>&1
    rm -f "$root/usr/lib/postgresql/$pg_major/lib/llvmjit"*.so
    rm -rf "$root/usr/lib/postgresql/$pg_major/lib/bitcode"
    in_chroot "$root" apt-get clean
    rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/* "$root"/var/cache/debconf/*-old \
        "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/usr/share/locale/* \
        "$root"/var/log/*.log "$root"/var/log/apt/* "$root/usr/sbin/policy-rc.d"
    # pg_wrapper in /usr/bin needs perl and a cluster layout; the real binaries come first on PATH instead.
    local binary
    for binary in "$root/usr/lib/postgresql/$pg_major/bin/"*; do
        ln -sf "/usr/lib/postgresql/$pg_major/bin/${binary##*/}" "$root/usr/local/bin/"
    done
}

build_rootfs_tarball() {
    local suite=$1 pg_major=$2 tarball=$3
    local root
    root=$(mktemp -d /var/tmp/dbgate-rootfs.XXXXXX)
    TEMPORARY_ROOTS+=("$root")

    log "debootstrap $suite into $root"
    debootstrap --variant=minbase "$suite" "$root" "$MIRROR" > "$LOG_DIR/debootstrap-$suite.log" 2>&1 \
        || die "debootstrap $suite failed; see $LOG_DIR/debootstrap-$suite.log"
    configure_rootfs_for_small_installs "$root"
    mount -t proc proc "$root/proc"
    in_chroot "$root" apt-get -q update > "$LOG_DIR/apt-$suite-pg$pg_major.log" 2>&1
    in_chroot "$root" apt-get -q install -y "postgresql-$pg_major" >> "$LOG_DIR/apt-$suite-pg$pg_major.log" 2>&1 \
        || die "installing postgresql-$pg_major failed; see $LOG_DIR/apt-$suite-pg$pg_major.log"
    umount "$root/proc"
    strip_rootfs "$root" "$pg_major"

    mkdir -p "$CACHE_DIR"
    rm -f "$CACHE_DIR/$suite-postgresql-$pg_major-r"*.tar
    tar -C "$root" --numeric-owner -cf "$tarball.partial" .
    mv "$tarball.partial" "$tarball"
    remove_temporary_roots
}

# Identifies what an image was built from, so a changed entrypoint or recipe replaces an old image.
image_fingerprint() {
    local suite=$1 pg_major=$2
    { echo "$suite $pg_major $ROOTFS_RECIPE"; cat "$ENTRYPOINT_SOURCE"; } | sha256sum | cut -c1-16
}

image_is_current() {
    local image=$1 fingerprint=$2 found
    found=$("$DOCKER" image inspect --format '{{index .Config.Labels "dev.dbgate.image-fingerprint"}}' "$image" 2> /dev/null) \
        || return 1
    [[ $found == "$fingerprint" ]]
}

import_image() {
    local image=$1 pg_major=$2 tarball=$3 fingerprint=$4
    local work
    work=$(mktemp -d /var/tmp/dbgate-import.XXXXXX)
    TEMPORARY_ROOTS+=("$work")

    # The entrypoint joins at import time, so editing it does not cost a new debootstrap.
    mkdir -p "$work/usr/local/bin"
    install -m 755 "$ENTRYPOINT_SOURCE" "$work/usr/local/bin/docker-entrypoint.sh"
    cp "$tarball" "$work/rootfs.tar"
    tar -C "$work" --numeric-owner --owner=0 --group=0 -rf "$work/rootfs.tar" ./usr/local/bin/docker-entrypoint.sh

    local previous
    previous=$("$DOCKER" image inspect --format '{{.Id}}' "$image" 2> /dev/null) || previous=""
    "$DOCKER" import \
        --change 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]' \
        --change 'CMD ["postgres"]' \
        --change "ENV PATH=/usr/lib/postgresql/$pg_major/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
        --change 'ENV PGDATA=/var/lib/postgresql/data' \
        --change 'ENV LANG=C.UTF-8' \
        --change 'EXPOSE 5432' \
        --change 'STOPSIGNAL SIGINT' \
        --change "LABEL dev.dbgate.image-fingerprint=$fingerprint" \
        "$work/rootfs.tar" "$image" > /dev/null
    remove_temporary_roots
    bake_cluster_template "$image"
    # The replaced image would otherwise stay behind untagged; one still used by a container stays.
    if [[ -n $previous ]]; then
        "$DOCKER" image rm "$previous" > /dev/null 2>&1 || true
    fi
}

# Runs initdb once at build time, in the image's own runtime, so each container starts from a copy (see the entrypoint).
bake_cluster_template() {
    local image=$1
    local builder="dbgate-bake-$$"
    "$DOCKER" rm -f "$builder" > /dev/null 2>&1 || true
    "$DOCKER" run --name "$builder" "$image" dbgate-bake-template
    "$DOCKER" commit --change 'CMD ["postgres"]' "$builder" "$image" > /dev/null
    "$DOCKER" rm "$builder" > /dev/null
}

ensure_image() {
    local image=$1 suite=$2 pg_major=$3
    local fingerprint tarball
    fingerprint=$(image_fingerprint "$suite" "$pg_major")
    tarball="$CACHE_DIR/$suite-postgresql-$pg_major-r$ROOTFS_RECIPE.tar"
    if image_is_current "$image" "$fingerprint"; then
        log "$image is current"
        return
    fi
    if [[ -s $tarball ]]; then
        log "reusing $tarball"
    else
        stage "rootfs $suite + pg $pg_major" build_rootfs_tarball "$suite" "$pg_major" "$tarball"
    fi
    stage "import $image" import_image "$image" "$pg_major" "$tarball" "$fingerprint"
    "$DOCKER" image ls --format '{{.Repository}}:{{.Tag}} {{.Size}}' "$image" >&2
}

# Starts a container the way Testcontainers does and times it until pg_isready and a password login succeed.
check_image_ready() {
    local image=$1
    local name="dbgate-setup-check-$$"
    "$DOCKER" rm -f "$name" > /dev/null 2>&1 || true
    local started=$EPOCHREALTIME
    "$DOCKER" run -d --name "$name" --label dev.dbgate.setup-check=1 -P \
        -e POSTGRES_USER=postgres -e POSTGRES_PASSWORD=check-secret -e POSTGRES_DB=checkdb \
        "$image" -c fsync=off > /dev/null
    local deadline=$((SECONDS + 60))
    until "$DOCKER" exec "$name" pg_isready --host localhost --dbname checkdb --username postgres > /dev/null 2>&1; do
        if ((SECONDS >= deadline)); then
            "$DOCKER" logs "$name" >&2 || true
            "$DOCKER" rm -f "$name" > /dev/null
            die "$image did not become ready within 60 s"
        fi
        sleep 0.1
    done
    local ready
    ready=$(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }')
    local answer
    answer=$("$DOCKER" exec -e PGPASSWORD=check-secret "$name" \
        psql --host 127.0.0.1 --username postgres --dbname checkdb -Atc 'show fsync' 2>&1) || answer="login failed: $answer"
    "$DOCKER" rm -f "$name" > /dev/null
    [[ $answer == off ]] || die "$image: password login over TCP did not work as expected ($answer)"
    log "$image ready in ${ready} s after docker run"
    TIMINGS+=("$(printf '%-28s %7s s' "ready: $image" "$ready")")
}

main() {
    [[ $(id -u) -eq 0 ]] || die "run as root"
    mkdir -p "$LOG_DIR"
    # Several jobs may prepare the same machine at once; one of them does the work, the others wait.
    exec 9> /var/lock/dbgate-docker-setup.lock
    flock -w 1800 9 || die "another docker-setup run held /var/lock/dbgate-docker-setup.lock for 30 minutes"

    stage "install engine" install_engine
    stage "start engine" start_engine
    report_engine
    stage "image dbgate/postgres:15" ensure_image dbgate/postgres:15 bookworm 15
    stage "image dbgate/postgres:17" ensure_image dbgate/postgres:17 trixie 17
    if [[ ${DBGATE_DOCKER_SKIP_CHECK:-0} != 1 ]]; then
        check_image_ready dbgate/postgres:15
        check_image_ready dbgate/postgres:17
    fi
    print_timings
}

main "$@"

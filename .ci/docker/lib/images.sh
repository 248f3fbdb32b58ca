# shellcheck shell=bash
# Part of .ci/docker-setup.sh: the dbgate/postgres images, imported from the cached root file systems. Sourced, not run.

# Identifies what an image was built from, so a changed entrypoint, recipe or import step replaces an old image.
image_fingerprint() {
    local suite=$1 pg_major=$2
    { echo "$suite $pg_major $ROOTFS_RECIPE"; cat "$ENTRYPOINT_SOURCE" "${BASH_SOURCE[0]}"; } | sha256sum | cut -c1-16
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

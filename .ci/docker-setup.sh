#!/usr/bin/env bash
# Brings up a Docker engine and the dbgate/postgres images on a Debian bookworm machine that reaches Debian's
# archive but no image registry. Idempotent: a rerun on a prepared machine takes a few seconds.
#
#   bash .ci/docker-setup.sh            # engine + images + a readiness check of each image
#   DBGATE_DOCKER_SKIP_CHECK=1 ...      # skip the readiness check
# shellcheck source-path=SCRIPTDIR
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

source "$SCRIPT_DIR/docker/lib/common.sh"
source "$SCRIPT_DIR/docker/lib/engine.sh"
source "$SCRIPT_DIR/docker/lib/rootfs.sh"
source "$SCRIPT_DIR/docker/lib/images.sh"

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

#!/bin/sh
# Entrypoint of the dbgate/postgres images: the environment contract of the official postgres image
# (POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_DB, POSTGRES_INITDB_ARGS, POSTGRES_HOST_AUTH_METHOD), built for
# throwaway servers that must be ready fast.
set -eu

: "${PGDATA:=/var/lib/postgresql/data}"
export PGDATA

# Options alone ("-c fsync=off") mean "run the server with these", as in the official image.
if [ "$#" -eq 0 ] || [ "${1#-}" != "$1" ]; then
    set -- postgres "$@"
fi

drop_to_postgres_user() {
    mkdir -p "$PGDATA" /var/run/postgresql
    chown postgres:postgres "$PGDATA" /var/run/postgresql
    chmod 700 "$PGDATA"
    exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
}

quote_identifier() {
    printf '"%s"' "$(printf '%s' "$1" | sed 's/"/""/g')"
}

# Where images keep a cluster initialised at build time: copying it and setting the password takes a fraction
# of initdb's time, which dominates a throwaway server's start.
readonly TEMPLATE=/var/lib/postgresql/template

quote_literal() {
    printf "'%s'" "$(printf '%s' "$1" | sed "s/'/''/g")"
}

run_single_user() {
    postgres --single -j -D "$PGDATA" postgres > /dev/null
}

# Runs initdb with the settings every cluster of these images gets: the host rule for all addresses included.
init_cluster() {
    user=$1 auth=$2 password=$3
    password_file=$(mktemp)
    printf '%s\n' "$password" > "$password_file"
    # No fsync while initialising: these servers are thrown away, and it saves most of initdb's time.
    # shellcheck disable=SC2086 # POSTGRES_INITDB_ARGS is a list of words by contract
    initdb --username="$user" --pwfile="$password_file" --auth-local=trust --auth-host="$auth" \
        --encoding=UTF8 --locale=C.UTF-8 --no-sync --no-instructions ${POSTGRES_INITDB_ARGS:-} > /dev/null
    rm -f "$password_file"
    echo "host all all all $auth" >> "$PGDATA/pg_hba.conf"
    echo "listen_addresses = '*'" >> "$PGDATA/postgresql.auto.conf"
}

template_fits() {
    [ -s "$TEMPLATE/PG_VERSION" ] && [ "$1" = postgres ] && [ "$2" = scram-sha-256 ] && [ -z "${POSTGRES_INITDB_ARGS:-}" ]
}

initialise_cluster() {
    user=${POSTGRES_USER:-postgres}
    database=${POSTGRES_DB:-$user}
    auth=${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}
    if [ -z "${POSTGRES_PASSWORD:-}" ] && [ "$auth" != trust ]; then
        echo "error: POSTGRES_PASSWORD is not set (or set POSTGRES_HOST_AUTH_METHOD=trust)" >&2
        exit 1
    fi

    if template_fits "$user" "$auth"; then
        cp -a "$TEMPLATE/." "$PGDATA/"
        echo "ALTER ROLE postgres PASSWORD $(quote_literal "$POSTGRES_PASSWORD")" | run_single_user
    else
        init_cluster "$user" "$auth" "${POSTGRES_PASSWORD:-}"
    fi

    if [ "$database" != postgres ]; then
        # Single-user mode creates the database without a temporary server that pg_isready could mistake for the real one.
        echo "CREATE DATABASE $(quote_identifier "$database")" | run_single_user
    fi
}

# Build-time step of .ci/docker-setup.sh: leaves a ready cluster in $TEMPLATE, its password replaced at start.
bake_template() {
    PGDATA=$TEMPLATE
    mkdir -p "$PGDATA"
    init_cluster postgres scram-sha-256 "$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')"
}

if [ "$1" = dbgate-bake-template ]; then
    if [ "$(id -u)" = 0 ]; then
        mkdir -p "$TEMPLATE"
        chown postgres:postgres "$TEMPLATE"
        exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
    fi
    bake_template
    exit 0
fi

if [ "$1" = postgres ]; then
    if [ "$(id -u)" = 0 ]; then
        drop_to_postgres_user "$@"
    fi
    if [ ! -s "$PGDATA/PG_VERSION" ]; then
        initialise_cluster
    fi
fi

exec "$@"

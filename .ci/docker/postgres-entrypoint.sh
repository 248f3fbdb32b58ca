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

initialise_cluster() {
    user=${POSTGRES_USER:-postgres}
    database=${POSTGRES_DB:-$user}
    auth=${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}
    if [ -z "${POSTGRES_PASSWORD:-}" ] && [ "$auth" != trust ]; then
        echo "error: POSTGRES_PASSWORD is not set (or set POSTGRES_HOST_AUTH_METHOD=trust)" >&2
        exit 1
    fi

    password_file=$(mktemp)
    printf '%s\n' "${POSTGRES_PASSWORD:-}" > "$password_file"
    # No fsync while initialising: these servers are thrown away, and it saves most of initdb's time.
    # shellcheck disable=SC2086 # POSTGRES_INITDB_ARGS is a list of words by contract
    initdb --username="$user" --pwfile="$password_file" --auth-local=trust --auth-host="$auth" \
        --encoding=UTF8 --locale=C.UTF-8 --no-sync --no-instructions ${POSTGRES_INITDB_ARGS:-} > /dev/null
    rm -f "$password_file"

    echo "host all all all $auth" >> "$PGDATA/pg_hba.conf"
    echo "listen_addresses = '*'" >> "$PGDATA/postgresql.auto.conf"

    if [ "$database" != postgres ]; then
        # Single-user mode creates the database without a temporary server that pg_isready could mistake for the real one.
        echo "CREATE DATABASE $(quote_identifier "$database")" | postgres --single -j -D "$PGDATA" postgres > /dev/null
    fi
}

if [ "$1" = postgres ]; then
    if [ "$(id -u)" = 0 ]; then
        drop_to_postgres_user "$@"
    fi
    if [ ! -s "$PGDATA/PG_VERSION" ]; then
        initialise_cluster
    fi
fi

exec "$@"

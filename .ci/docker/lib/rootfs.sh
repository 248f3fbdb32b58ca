# shellcheck shell=bash
# Part of .ci/docker-setup.sh: small Debian root file systems with PostgreSQL, cached as tarballs. Sourced, not run.

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

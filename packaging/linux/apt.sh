# Sourced by the scripts that install Debian packages (system-deps.sh, .ci/run).
# A freshly booted machine often runs unattended upgrades: apt then holds its locks for
# minutes. Instead of failing at once, wait for them (up to APT_LOCK_WAIT_S, 15 min by
# default), saying so once, then go on.

APT_LOCK_WAIT_S=${APT_LOCK_WAIT_S:-900}
APT_LOCK_POLL_S=${APT_LOCK_POLL_S:-5}  # whole seconds

apt_locks_held() {
  # a lock is held when another process has it open for writing under fcntl; flock(1)
  # cannot see fcntl locks, so ask python (always there: make runs it) when present
  command -v python3 >/dev/null 2>&1 || return 1
  python3 - "$@" <<'PY'
import fcntl, sys
for path in sys.argv[1:]:
    try:
        with open(path, "w") as handle:
            try:
                fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                sys.exit(0)  # held by someone else
            fcntl.lockf(handle, fcntl.LOCK_UN)
    except OSError:
        continue  # no such lock file, or not ours to open: not a reason to wait
sys.exit(1)
PY
}

wait_for_apt() {
  # shellcheck disable=SC2206 - APT_LOCKS (tests) is a space-separated list of paths
  local locks=(${APT_LOCKS:-/var/lib/dpkg/lock-frontend /var/lib/dpkg/lock /var/lib/apt/lists/lock /var/cache/apt/archives/lock})
  local waited=0
  while apt_locks_held "${locks[@]}"; do
    if [ "$waited" -eq 0 ]; then
      echo "apt: another package manager is running (unattended upgrades?); waiting for it to finish ..." >&2
    fi
    if [ "$waited" -ge "$APT_LOCK_WAIT_S" ]; then
      echo "apt: still locked after ${APT_LOCK_WAIT_S}s; trying anyway" >&2
      return 0
    fi
    sleep "$APT_LOCK_POLL_S"
    waited=$((waited + APT_LOCK_POLL_S))
  done
}

# apt-get with the lock wait, and apt's own lock timeout for the moment between our
# check and its start
apt_get() {
  wait_for_apt
  ${SUDO:-} apt-get -o DPkg::Lock::Timeout="$APT_LOCK_WAIT_S" "$@"
}

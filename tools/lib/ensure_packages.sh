# shellcheck shell=bash
# ensure_packages PKG...: installs the Debian packages among PKG that are not installed yet.
# Sourced by ./dev and bench/run. Uses sudo when not root; waits up to 10 minutes for the dpkg lock
# because several installs may run at the same time. Reports through the caller's `log` function
# when there is one.
ensure_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if declare -F log >/dev/null; then
    log "installing ${missing[*]}"
  else
    printf 'installing %s\n' "${missing[*]}" >&2
  fi
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 update -qq
  "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

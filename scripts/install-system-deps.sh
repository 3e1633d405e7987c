#!/usr/bin/env bash
# Debian packages the project needs, installed with apt only when missing. Idempotent.
#   install-system-deps.sh build   the DejaVu fonts (social cards) and a Java runtime (PySpark snippets)
#   install-system-deps.sh test    the same, plus chromium for the browser tests (driven by
#                                  Playwright; never `playwright install`) and the Nu HTML checker's Java
#   install-system-deps.sh python  only what `python3 -m venv` needs: checks the version, adds python3-venv
# DRY_RUN=1 prints what it would install instead of installing it.
set -euo pipefail
need=()
if ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "Python >= 3.11 needed, found $(python3 --version 2>&1 || echo 'no python3 on PATH')." >&2
  echo "Install Python 3.11 or newer (Debian: apt-get install python3), then run make again." >&2
  exit 1
fi
# Debian splits venv's pip bootstrap into python3-venv; without it `python3 -m venv` fails half-way.
python3 -c 'import ensurepip, venv' 2>/dev/null || need+=("python3-venv")
if [ "${1:-test}" != "python" ]; then
  [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
  command -v java >/dev/null 2>&1 || need+=(openjdk-17-jre-headless)
fi
if [ "${1:-test}" = "test" ]; then
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
fi
[ ${#need[@]} -eq 0 ] && exit 0
if [ -n "${DRY_RUN:-}" ]; then echo "would install Debian packages: ${need[*]}"; exit 0; fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "installing Debian packages: ${need[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null

#!/usr/bin/env bash
# Debian packages the project needs, installed with apt only when missing. Idempotent.
#   install-system-deps.sh build   the DejaVu fonts (social cards) and a Java runtime (PySpark snippets)
#   install-system-deps.sh test    the same, plus chromium for the browser tests (driven by
#                                  Playwright; never `playwright install`) and the Nu HTML checker's Java
set -euo pipefail
need=()
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
command -v java >/dev/null 2>&1 || need+=(openjdk-17-jre-headless)
if [ "${1:-test}" = "test" ]; then
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
fi
[ ${#need[@]} -eq 0 ] && exit 0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "installing Debian packages: ${need[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null

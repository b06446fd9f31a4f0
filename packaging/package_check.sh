#!/usr/bin/env bash
# `make package-check`: validate the packaging metadata, build the bundle and the .deb, run the
# smoke test on the bundle, install the .deb, run the installed launcher's smoke test, remove
# the package and check that nothing is left behind. Needs root (CI runs as root).
set -euo pipefail
cd "$(dirname "$0")/.."
APP_ID=io.github.commitmenttracker.CommitmentTracker
say() { printf '== %s\n' "$*"; }

need_apt=()
command -v desktop-file-validate >/dev/null || need_apt+=(desktop-file-utils)
command -v appstreamcli >/dev/null || need_apt+=(appstream)
if [ ${#need_apt[@]} -gt 0 ]; then
  say "installing ${need_apt[*]}"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

say "validating the desktop entry and AppStream metainfo"
desktop-file-validate "packaging/linux/$APP_ID.desktop"
appstreamcli validate --no-net "packaging/linux/$APP_ID.metainfo.xml"

say "building the bundle and the .deb"
start=$(date +%s)
make --no-print-directory package
echo "build took $(( $(date +%s) - start )) s; bundle $(du -sh build/dist/commitment-tracker | cut -f1)"

say "smoke test of the bundle (offscreen)"
env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM \
  build/dist/commitment-tracker/commitment-tracker --smoke-test

deb=$(ls -t build/commitment-tracker_*.deb | head -n 1)
say "installing $deb"
apt-get update -qq >/dev/null || true
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$deb" >/dev/null
test -x /usr/bin/commitment-tracker
grep -q "^Name=Commitment Tracker" "/usr/share/applications/$APP_ID.desktop"
test -f "/usr/share/icons/hicolor/256x256/apps/$APP_ID.png"

say "smoke test of the installed launcher"
env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM /usr/bin/commitment-tracker --smoke-test

say "removing the package"
DEBIAN_FRONTEND=noninteractive apt-get remove --purge -y -qq commitment-tracker >/dev/null
left=()
for path in /opt/commitment-tracker /usr/bin/commitment-tracker \
            "/usr/share/applications/$APP_ID.desktop" "/usr/share/metainfo/$APP_ID.metainfo.xml" \
            "/usr/share/icons/hicolor/256x256/apps/$APP_ID.png"; do
  [ -e "$path" ] && left+=("$path")
done
if [ ${#left[@]} -gt 0 ]; then
  echo "left behind after removal: ${left[*]}" >&2
  exit 1
fi
say "package check passed: $(du -h "$deb" | cut -f1) .deb installed, smoke-tested and removed cleanly"

#!/usr/bin/env bash
# Build build/commitment-tracker_VERSION_ARCH.deb from the PyInstaller bundle in build/dist.
# The bundle goes to /opt/commitment-tracker, a launcher to /usr/bin, the desktop entry,
# AppStream metainfo and hicolor icons to /usr/share. Run by `make package`.
set -euo pipefail
cd "$(dirname "$0")/.."

APP_ID=io.github.commitmenttracker.CommitmentTracker
BUNDLE=build/dist/commitment-tracker
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' desktop_app/__init__.py)
ARCH=$(dpkg --print-architecture)
STAGE=build/deb/commitment-tracker_${VERSION}_${ARCH}
OUT=build/commitment-tracker_${VERSION}_${ARCH}.deb

[ -x "$BUNDLE/commitment-tracker" ] || { echo "no bundle in $BUNDLE: run make package" >&2; exit 2; }

rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
         "$STAGE/usr/share/metainfo" "$STAGE/usr/share/icons/hicolor/scalable/apps"
cp -a "$BUNDLE" "$STAGE/opt/commitment-tracker"
cat > "$STAGE/usr/bin/commitment-tracker" <<'SH'
#!/bin/sh
exec /opt/commitment-tracker/commitment-tracker "$@"
SH
chmod 755 "$STAGE/usr/bin/commitment-tracker"
install -m 644 "packaging/linux/$APP_ID.desktop" "$STAGE/usr/share/applications/"
install -m 644 "packaging/linux/$APP_ID.metainfo.xml" "$STAGE/usr/share/metainfo/"
install -m 644 resources/icons/commitment-tracker.svg \
        "$STAGE/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg"
for size in 16 24 32 48 64 128 256 512; do
  dir="$STAGE/usr/share/icons/hicolor/${size}x${size}/apps"
  mkdir -p "$dir"
  install -m 644 "build/icons/commitment-tracker-$size.png" "$dir/$APP_ID.png"
done

INSTALLED_KB=$(du -sk "$STAGE" --exclude=DEBIAN | cut -f1)
cat > "$STAGE/DEBIAN/control" <<CONTROL
Package: commitment-tracker
Version: $VERSION
Architecture: $ARCH
Maintainer: Commitment Tracker developers <maintainers@commitment-tracker.invalid>
Installed-Size: $INSTALLED_KB
Depends: libc6, libegl1, libfontconfig1, libgl1, libglib2.0-0, libxkbcommon0, libxkbcommon-x11-0, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-shape0, libdbus-1-3
Recommends: fonts-dejavu-core, fonts-noto-core
Section: utils
Priority: optional
Homepage: https://commitment-tracker.invalid/
Description: track diplomatic commitments and whether they are kept
 Commitment Tracker is a desktop app for analysts, journalists and researchers
 who follow what governments promised each other. It records commitments,
 the events around them and their status history, and charts how many are
 kept, stalled or broken, by country and over time. Data stays in one SQLite
 file; CSV export and import included.
CONTROL
for script in postinst postrm; do
  cat > "$STAGE/DEBIAN/$script" <<'SH'
#!/bin/sh
set -e
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
  gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
fi
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database -q /usr/share/applications || true
fi
SH
  chmod 755 "$STAGE/DEBIAN/$script"
done

dpkg-deb --build --root-owner-group -Zxz "$STAGE" "$OUT" >/dev/null
echo "built $OUT ($(du -h "$OUT" | cut -f1), installs $((INSTALLED_KB / 1024)) MB)"

#!/usr/bin/env bash
# Build the one-folder desktop app: dist/wfexplorer/wfexplorer (wfexplorer.exe on Windows).
# Needs the package extra:  python3 -m venv .venv && .venv/bin/pip install -e '.[package]'
# First draws the app icon (hicolor PNGs, .ico, .icns) from resources/wfexplorer.svg into build/icons/,
# then runs packaging/wfexplorer.spec. PYTHON picks the interpreter (default: .venv/bin/python).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
DIST="${DIST:-dist}"
WORK="${WORK:-build}"
export WFEXPLORER_ICON_DIR="$WORK/icons"
QT_QPA_PLATFORM=offscreen "$PYTHON" packaging/make_icons.py "$WFEXPLORER_ICON_DIR"
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$DIST" --workpath "$WORK/pyinstaller" packaging/wfexplorer.spec
echo "built $DIST/wfexplorer/wfexplorer ($(du -sh "$DIST/wfexplorer" | cut -f1))"

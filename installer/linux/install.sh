#!/bin/sh
# Install Reelwright for the current user: no root needed, nothing written outside $HOME.
#
#   ./install.sh              copy the app to ~/.local/opt/reelwright, put a `reelwright`
#                             command in ~/.local/bin, add the menu entry, the Fountain
#                             file type (*.fountain opens with Reelwright) and the icon
#   ./install.sh --uninstall  remove all of that again (scripts and models stay)
#
# PREFIX=DIR and BINDIR=DIR change where the app and the command go; XDG_DATA_HOME is
# honoured for the menu entry, file type and icon (default ~/.local/share).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
prefix=${PREFIX:-$HOME/.local/opt/reelwright}
bindir=${BINDIR:-$HOME/.local/bin}
desktop_file=$data/applications/reelwright.desktop
mime_file=$data/mime/packages/reelwright-mime.xml

say() { printf '%s\n' "$*"; }
fail() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

refresh() {
    # Each cache tool is optional: without it the desktop picks the files up on next login.
    if have update-mime-database && [ -d "$data/mime/packages" ]; then
        update-mime-database "$data/mime" >/dev/null 2>&1 || true
    fi
    if have update-desktop-database && [ -d "$data/applications" ]; then
        update-desktop-database -q "$data/applications" >/dev/null 2>&1 || true
    fi
    if have gtk-update-icon-cache && [ -d "$data/icons/hicolor" ]; then
        gtk-update-icon-cache -q -t -f "$data/icons/hicolor" >/dev/null 2>&1 || true
    fi
}

png_size() {
    # Width of a PNG from its IHDR chunk (bytes 16-19, big-endian).
    od -An -tu1 -j16 -N4 "$1" | awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4 }'
}

uninstall() {
    if [ -L "$bindir/reelwright" ] && [ "$(readlink "$bindir/reelwright")" = "$prefix/reelwright" ]; then
        rm -f "$bindir/reelwright"
    fi
    rm -f "$desktop_file" "$mime_file" "$data/icons/hicolor/scalable/apps/reelwright.svg"
    rm -f "$data"/icons/hicolor/*/apps/reelwright.png
    if [ -x "$prefix/reelwright" ] && [ -d "$prefix/_internal" ]; then
        rm -rf "$prefix"
    fi
    refresh
    say "Reelwright removed (your scripts and downloaded models were not touched)."
}

install() {
    [ -x "$here/reelwright/reelwright" ] || fail "no reelwright/reelwright beside this script"
    case $prefix in
        *[\"\`\$\\%]*) fail "PREFIX must not contain \" \` \$ \\ or %: $prefix" ;;
        /*) ;;
        *) fail "PREFIX must be an absolute path: $prefix" ;;
    esac

    # The app: copied whole, then swapped in, so a failed copy leaves the old one working.
    if [ "$(cd "$here/reelwright" && pwd -P)" != "$(cd "$prefix" 2>/dev/null && pwd -P || true)" ]; then
        mkdir -p "$(dirname "$prefix")"
        rm -rf "$prefix.new"
        cp -a "$here/reelwright" "$prefix.new"
        rm -rf "$prefix"
        mv "$prefix.new" "$prefix"
    fi
    mkdir -p "$bindir"
    ln -sf "$prefix/reelwright" "$bindir/reelwright"

    # Menu entry, pointing at the installed executable by absolute path.
    mkdir -p "$data/applications"
    escaped=$(printf '%s' "$prefix" | sed 's/[|&]/\\&/g')
    sed -e "s|^Exec=reelwright|Exec=\"$escaped/reelwright\"|" \
        -e "s|^TryExec=reelwright|TryExec=$escaped/reelwright|" \
        "$here/reelwright.desktop" >"$desktop_file"

    # The Fountain file type.
    mkdir -p "$data/mime/packages"
    cp "$here/reelwright-mime.xml" "$mime_file"

    # The icon, in the hicolor theme folder that matches it.
    if [ -f "$here/reelwright.svg" ]; then
        mkdir -p "$data/icons/hicolor/scalable/apps"
        cp "$here/reelwright.svg" "$data/icons/hicolor/scalable/apps/reelwright.svg"
    elif [ -f "$here/reelwright.png" ]; then
        size=$(png_size "$here/reelwright.png")
        mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
        cp "$here/reelwright.png" "$data/icons/hicolor/${size}x${size}/apps/reelwright.png"
    fi

    refresh
    if have xdg-mime; then
        xdg-mime default reelwright.desktop text/x-fountain >/dev/null 2>&1 || true
    fi

    say "Reelwright installed in $prefix"
    say "  menu entry: $desktop_file"
    say "  command:    $bindir/reelwright"
    case ":$PATH:" in
        *":$bindir:"*) ;;
        *) say "  ($bindir is not on your PATH; the menu entry works all the same)" ;;
    esac
}

case ${1:-} in
    "") install ;;
    --uninstall) uninstall ;;
    -h | --help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' ;;
    *) fail "unknown option $1 (try --help)" ;;
esac

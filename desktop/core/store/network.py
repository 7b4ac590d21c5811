"""Is a registry file on a network drive or in a synchronised cloud folder?

SQLite's own documentation: WAL "does not work over a network filesystem", and network
file locking is not dependable (sqlite.org/useovernet.html). Zotero warns the same about
a data folder in Dropbox or OneDrive. Such a place is recognised when the registry is
opened, so the user hears about it before anything is lost.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

# Linux and BSD file system types that live on another machine.
NETWORK_FILESYSTEMS = frozenset(
    {
        "cifs",
        "smb3",
        "smbfs",
        "nfs",
        "nfs4",
        "afs",
        "ncpfs",
        "9p",
        "fuse.sshfs",
        "sshfs",
        "fuse.rclone",
        "fuse.s3fs",
        "davfs",
        "fuse.davfs2",
        "glusterfs",
        "fuse.glusterfs",
        "ceph",
        "lustre",
    }
)
# Folders that a sync client copies to and from the cloud while the app writes.
SYNC_FOLDERS = ("dropbox", "onedrive", "google drive", "googledrive", "icloud drive", "box sync")
_DRIVE_REMOTE = 4  # GetDriveTypeW


def _unescape(field: str) -> str:
    # /proc/mounts writes spaces and tabs in paths as octal escapes.
    return field.replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\")


def _mount_type(path: Path, mounts: Path) -> str | None:
    try:
        lines = mounts.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    best: tuple[int, str] | None = None
    text = str(path)
    for line in lines:
        fields = line.split()
        if len(fields) < 3:
            continue
        point, kind = _unescape(fields[1]), fields[2]
        inside = text == point or text.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) > best[0]):
            best = (len(point), kind)
    return best[1] if best else None


def _windows_remote(path: Path) -> bool:  # pragma: no cover - Windows only
    text = str(path)
    if text.startswith("\\\\"):
        return True
    import ctypes

    drive = os.path.splitdrive(text)[0]
    if not drive:
        return False
    kernel32: Any = ctypes.windll.kernel32  # type: ignore[attr-defined]
    return bool(kernel32.GetDriveTypeW(drive + "\\") == _DRIVE_REMOTE)


def network_filesystem(path: Path, mounts: Path = Path("/proc/self/mounts")) -> str | None:
    """Where ``path`` lies when that is a network drive or a cloud folder, else None.

    The answer is a Dutch phrase for a message: ``een netwerkschijf (nfs4)``, ``een
    OneDrive-map``.
    """
    resolved = path.expanduser().resolve()
    for part in resolved.parts:
        lowered = part.lower()
        for folder in SYNC_FOLDERS:
            if (
                lowered == folder
                or lowered.startswith(folder + " ")
                or lowered.startswith(folder + "-")
            ):
                return f"een map die met de cloud wordt gesynchroniseerd ({part})"
    if sys.platform == "win32":  # pragma: no cover - Windows only
        return "een netwerkschijf" if _windows_remote(resolved) else None
    kind = _mount_type(resolved, mounts)
    if kind is not None and kind.lower() in NETWORK_FILESYSTEMS:
        return f"een netwerkschijf ({kind})"
    return None

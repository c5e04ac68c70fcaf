"""Rules the PyInstaller spec applies, as plain functions so that tests can check them
with Linux- and Windows-style paths without running PyInstaller.

- ``keep(dest)``: which collected file goes into the bundle (Qt translations trimmed
  to the languages diaryrec ships, platform plugins and renderers it never uses left out).
- ``windows_file_version(version)``: the four numbers of the Windows file version, in
  the order of the releases (a pre-release below its final release).

diaryrec.spec imports this file; ``python build_rules.py file-version 0.2.0rc1``
prints the file version for the installer scripts.
"""

from __future__ import annotations

import re
import sys

# Qt's own translations: keep the languages diaryrec ships (en, ko); Qt Help's are
# for a module diaryrec does not use. The rest is megabytes nobody reads.
KEEP_QT_LANGS = ("_en.qm", "_ko.qm")
DROP_QT_TRANSLATIONS = ("qt_help_",)

# Collected files the app never uses, by a part of their bundle path:
DROP_PARTS = (
    # Linux: kiosk framebuffers and VNC, and the GTK3 theme, which cannot load GTK
    # from the bundle anyway (the xdg-desktop-portal theme still gives native file
    # dialogs). The libraries it links were resolved before this filter and stay.
    "/platforms/libqvnc", "/platforms/libqlinuxfb", "/platforms/libqminimalegl",
    "/platforms/libqeglfs", "/egldeviceintegrations/", "/platformthemes/libqgtk3",
    # Windows: Mesa's software OpenGL (19.7 MB), Qt's fallback when a program asks for
    # OpenGL and the graphics driver has none. diaryrec is Qt Widgets without
    # QtOpenGL/Quick (FORBIDDEN_QT in the spec): it paints with the raster engine.
    "/PySide6/opengl32sw.dll",
)

# Modules left out although a hook collects them (the spec passes them to excludes):
# Pillow's AVIF codec (PIL/_avif, 7.5 MB on Windows, libavif on Linux). diaryrec opens
# only JPEG, PNG, WebP, GIF, BMP and HEIF (diaryrec.media.images.ALLOWED_FORMATS);
# Pillow skips a plugin whose module is missing.
EXCLUDED_MODULES = ("PIL._avif", "PIL.AvifImagePlugin")


def bundle_path(dest: str) -> str:
    """A bundle destination as "/a/b/c", whichever separator PyInstaller used."""
    return "/" + dest.replace("\\", "/").lstrip("/")


def is_qt_translation(dest: str) -> bool:
    """A .qm file of Qt itself: PySide6/Qt/translations/ in the Linux and macOS wheels,
    PySide6/translations/ in the Windows wheel. diaryrec's own (resources/) are not."""
    path = bundle_path(dest)
    return path.startswith("/PySide6/") and "/translations/" in path and path.endswith(".qm")


def keep(dest: str) -> bool:
    path = bundle_path(dest)
    if is_qt_translation(path):
        name = path.rsplit("/", 1)[1]
        return name.endswith(KEEP_QT_LANGS) and not name.startswith(DROP_QT_TRANSLATIONS)
    return not any(part in path for part in DROP_PARTS)


# PEP 440 release, optional pre-release, post-release and dev-release (as diaryrec uses them)
_VERSION = re.compile(
    r"^(?P<release>\d+(?:\.\d+){0,2})"
    r"(?:[-_.]?(?P<pre>a|alpha|b|beta|c|rc)[-_.]?(?P<pre_n>\d+)?)?"
    r"(?:[-_.]?post[-_.]?(?P<post>\d+))?"
    r"(?:[-_.]?dev[-_.]?(?P<dev>\d+)?)?$",
    re.IGNORECASE,
)
# CPython's scheme for its own Windows file version (PC/python_ver_rc.h): the third
# number is 1000 * micro + 10 * level + serial, level 10 alpha, 11 beta, 12 rc, 15
# final; so 0.2.0rc1 is 0.2.121 and 0.2.0 is 0.2.150. diaryrec adds dev releases
# (x.y.z.devN: level 0) and puts a post-release number fourth.
_LEVEL = {"a": 10, "alpha": 10, "b": 11, "beta": 11, "c": 12, "rc": 12}
FINAL_LEVEL = 15


def windows_file_version(version: str) -> tuple[int, int, int, int]:
    match = _VERSION.match(version.strip())
    if not match:
        raise ValueError(f"not a release version diaryrec uses: {version!r}")
    major, minor, micro = (int(p) for p in (match["release"].split(".") + ["0", "0"])[:3])
    level = _LEVEL[match["pre"].lower()] if match["pre"] else FINAL_LEVEL
    serial = int(match["pre_n"] or 0)
    if match["dev"] is not None:  # x.y.z.devN comes before x.y.za1
        if match["pre"] or match["post"]:
            raise ValueError(f"{version!r}: a dev release of a pre- or post-release has no Windows file version")
        level, serial = 0, int(match["dev"])
    if serial > 9 or micro > 64 or major > 65535 or minor > 65535:
        raise ValueError(f"{version!r} does not fit a Windows file version (serial <= 9, micro <= 64)")
    post = int(match["post"] or 0)
    return (major, minor, 1000 * micro + 10 * level + serial, post)


def file_version_string(version: str) -> str:
    return ".".join(str(n) for n in windows_file_version(version))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "file-version":
        print(file_version_string(sys.argv[2]))
    else:
        raise SystemExit("usage: build_rules.py file-version VERSION")

"""Reading the Inno Setup script, and what must hold for the files it names.

Inno Setup itself runs on Windows only, so the script is checked here instead: every file
it copies comes from the PyInstaller folder (or is a file of the repository that exists),
its shortcuts start a program it installs, nothing it installs, deletes or runs reaches
outside the install folder (no [UninstallDelete], [UninstallRun], deleting [Code] or
registry key removed at uninstall), and (given a build) every file it names is in
dist/pharmadesk/. Used by
`make dist-check` (check_dist.py) and tests/unit/installer/test_inno_script.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath

import layout

ISS = layout.REPO / "installer" / "pharmadesk.iss"
# [Setup] directives that name a file the compiler reads.
SETUP_FILES = ("SetupIconFile", "LicenseFile", "InfoBeforeFile", "InfoAfterFile",
               "WizardImageFile", "WizardSmallImageFile")  # fmt: skip
WINDOWS_PROGRAMS = {layout.file_name(e, "win32") for e in layout.WINDOWS_EXECUTABLES}
DEFINE = re.compile(r'#define\s+(\w+)\s+"([^"]*)"')
USE = re.compile(r"\{#(\w+)\}")
# Inno Setup's Pascal functions that delete files or folders.
CODE_DELETES = re.compile(r"\b(DelTree|DeleteFile|RemoveDir|DelayDeleteFile)\s*\(", re.I)


@dataclass
class Script:
    setup: dict[str, str] = field(default_factory=dict)
    sections: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    defines: dict[str, str] = field(default_factory=dict)  # #define with a quoted value
    code_deletes: bool = False  # the [Code] section (Pascal) calls a deleting function
    folder: Path = layout.REPO / "installer"

    def entries(self, section: str) -> list[dict[str, str]]:
        return self.sections.get(section.lower(), [])

    def expand(self, text: str) -> str:
        """`{#Name}` replaced by the script's own #define (the default a build overrides)."""
        return USE.sub(lambda m: self.defines.get(m.group(1), m.group(0)), text)


def parse(path: Path = ISS) -> Script:
    script = Script(folder=path.parent)
    section = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        if line.startswith("#"):
            found = DEFINE.match(line)
            if found:
                script.defines.setdefault(found.group(1), found.group(2))
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].lower()
            script.sections.setdefault(section, [])
        elif section == "setup":
            key, _, value = line.partition("=")
            script.setup[key.strip()] = value.strip()
        elif section == "code":
            script.code_deletes |= bool(CODE_DELETES.search(line))
        else:
            script.sections[section].append(parameters(line))
    return script


def parameters(line: str) -> dict[str, str]:
    """`Source: "a;b"; DestDir: "{app}"; Flags: x y` -> {"Source": "a;b", ...}."""
    found: dict[str, str] = {}
    for part in _split(line):
        key, _, value = part.partition(":")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = value[1:-1].replace('""', '"')
        found[key.strip()] = value
    return found


def _split(line: str) -> list[str]:
    parts, current, quoted = [], "", False
    for char in line:
        if char == '"':
            quoted = not quoted
        if char == ";" and not quoted:
            parts.append(current)
            current = ""
        else:
            current += char
    return [p for p in (*parts, current) if p.strip()]


def _local(script: Script, windows_path: str) -> Path:
    """A path of the script (Windows-style, relative to its folder) as a path here."""
    parts = PureWindowsPath(script.expand(windows_path)).parts
    return (script.folder.joinpath(*parts)).resolve()


def dist_folder() -> Path:
    return (layout.DIST / layout.APP_FOLDER).resolve()


def sources(script: Script) -> list[str]:
    return [entry["Source"] for entry in script.entries("Files")]


def installed_into_app(script: Script) -> set[str]:
    """Names of the files copied straight into {app} (not into a folder below it)."""
    return {
        PureWindowsPath(entry["Source"]).name
        for entry in script.entries("Files")
        if entry.get("DestDir", "").lower() == "{app}" and "*" not in entry["Source"]
    }


def problems(script: Script) -> list[str]:
    """What is wrong with the script itself, without a build."""
    found = [*_source_problems(script), *_setup_problems(script), *_shortcut_problems(script)]
    found += _delete_problems(script)
    if installed_into_app(script) != WINDOWS_PROGRAMS:
        found.append(f"installs {sorted(installed_into_app(script))} into {{app}}, "
                     f"but the Windows build makes {sorted(WINDOWS_PROGRAMS)}")  # fmt: skip
    return found


def _source_problems(script: Script) -> list[str]:
    found = []
    for source in sources(script):
        local = _local(script, source)
        if local.is_relative_to(dist_folder()):
            continue
        if local.is_relative_to(layout.DIST.resolve()):
            found.append(f"{source} is in dist/ but not in the PyInstaller folder")
        elif not local.is_relative_to(layout.REPO) or not _exists(local):
            found.append(f"{source} is neither in dist/{layout.APP_FOLDER} nor a repository file")
    return found


def _exists(local: Path) -> bool:
    # A wildcard ("folder\*") names a folder's files: the folder must hold some.
    if "*" in local.name:
        return any(local.parent.glob(local.name))
    return local.is_file()


def _setup_problems(script: Script) -> list[str]:
    found = []
    for key in SETUP_FILES:
        if key in script.setup and not _local(script, script.setup[key]).is_file():
            found.append(f"{key}={script.setup[key]} does not exist")
    if script.setup.get("AppVersion") != "{#AppVersion}" or "AppVersion" in script.defines:
        found.append("AppVersion must come from the build (/DAppVersion), not the script")
    if script.setup.get("PrivilegesRequired") != "admin":
        found.append("the install is per machine: PrivilegesRequired=admin")
    if not script.setup.get("DefaultDirName", "").startswith("{autopf}"):
        found.append("DefaultDirName must be under {autopf} (Program Files)")
    return found


def _shortcut_problems(script: Script) -> list[str]:
    """Shortcuts and the program run after installing start the window program."""
    window = layout.file_name(next(e for e in layout.WINDOWS_EXECUTABLES if not e.console),
                              "win32")  # fmt: skip
    targets = [e["Filename"] for e in (*script.entries("Icons"), *script.entries("Run"))]
    targets.append(script.setup.get("UninstallDisplayIcon", ""))
    found = [f"{target} does not start {window}" for target in targets
             if target.lower() != f"{{app}}\\{window}".lower()]  # fmt: skip
    names = [e["Name"] for e in script.entries("Icons")]
    if not any(n.startswith("{autoprograms}") for n in names):
        found.append("no Start-menu shortcut ({autoprograms})")
    if not any(n.startswith("{autodesktop}") for n in names):
        found.append("no desktop shortcut ({autodesktop})")
    return found


def _in_app(path: str) -> bool:
    lowered = path.lower()
    return lowered == "{app}" or lowered.startswith("{app}\\")


def _delete_problems(script: Script) -> list[str]:
    # The pharmacy's data lives in the user's folders: nothing may delete outside {app}.
    # The uninstaller removes what the script put in place, so it may put nothing elsewhere
    # either (a file in the user's data folder would go at uninstall), and runs nothing.
    found = [f"[UninstallDelete] {e.get('Name')}: the uninstaller deletes only what it "
             "installed" for e in script.entries("UninstallDelete")]  # fmt: skip
    for entry in script.entries("InstallDelete"):
        if not _in_app(entry.get("Name", "")):
            found.append(f"[InstallDelete] {entry.get('Name')} is outside the install folder")
    for entry in script.entries("Files"):
        if not _in_app(entry.get("DestDir", "")):
            found.append(f"[Files] {entry.get('Source')} goes outside the install folder")
    for entry in script.entries("Dirs"):
        if not _in_app(entry.get("Name", "")):
            found.append(f"[Dirs] {entry.get('Name')} is outside the install folder")
    found += [f"[UninstallRun] {e.get('Filename')}: the uninstaller runs nothing"
              for e in script.entries("UninstallRun")]  # fmt: skip
    if script.code_deletes:
        found.append("[Code] deletes files (DelTree, DeleteFile, RemoveDir): the uninstaller "
                     "deletes only what it installed")  # fmt: skip
    found += [f"[Registry] {e.get('Subkey')}: uninsdelete* would remove the user's settings"
              for e in script.entries("Registry")
              if "uninsdelete" in e.get("Flags", "").lower()]  # fmt: skip
    return found


def missing_from_build(script: Script, built: Path, platform: str) -> list[str]:
    """Files the script names that the build at `built` lacks. The Windows program names
    stand for this platform's (a Linux build has `pharmadesk` where Windows has two)."""
    here = {layout.file_name(e, platform) for e in layout.executables(platform)}
    found = []
    for source in sources(script):
        local = _local(script, source)
        if not local.is_relative_to(dist_folder()):
            continue
        relative = local.relative_to(dist_folder())
        windows_program = relative.name in WINDOWS_PROGRAMS and relative.parent == Path()
        if windows_program and platform != "win32":
            found += [f"{source}: no {name}" for name in here if not (built / name).is_file()]
            continue
        if relative.name == "*":
            folder = built / relative.parent
            if not folder.is_dir() or not any(folder.iterdir()):
                found.append(f"{source}: {folder} is missing or empty")
        elif not (built / relative).is_file():
            found.append(f"{source}: {built / relative} is missing")
    return found

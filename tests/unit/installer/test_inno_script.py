"""The Windows installer script, checked here since Inno Setup cannot run on Linux: it
copies the PyInstaller folder and repository files that exist, installs the programs the
Windows build makes, puts its shortcuts on them, and never deletes a pharmacy's data."""

from __future__ import annotations

from pathlib import Path

import iss
import layout
import pytest

SCRIPT = iss.ISS.read_text(encoding="utf-8")


def _variant(tmp_path: Path, old: str, new: str) -> iss.Script:
    """The real script with one change, parsed as if it stood in installer/."""
    assert old in SCRIPT
    path = tmp_path / "variant.iss"
    path.write_text(SCRIPT.replace(old, new), encoding="utf-8")
    script = iss.parse(path)
    script.folder = iss.ISS.parent
    return script


def test_the_script_has_no_problem() -> None:
    assert iss.problems(iss.parse()) == []


def test_every_source_is_the_pyinstaller_folder_or_a_file_of_the_repository() -> None:
    script = iss.parse()
    dist = (layout.DIST / layout.APP_FOLDER).resolve()
    for source in iss.sources(script):
        local = iss._local(script, source)
        assert local.is_relative_to(dist) or (
            local.is_relative_to(layout.REPO) and local.is_file()
        ), source


def test_it_installs_exactly_the_programs_the_windows_build_makes() -> None:
    assert iss.installed_into_app(iss.parse()) == {"PharmaDesk.exe", "pharmadesk-cli.exe"}
    assert [e.console for e in layout.executables("win32")] == [False, True]


def test_the_shortcuts_start_the_window_program_and_the_icon_is_in_the_repository() -> None:
    script = iss.parse()
    shortcuts = {e["Name"]: e["Filename"] for e in script.entries("Icons")}
    assert shortcuts == {
        "{autoprograms}\\PharmaDesk": "{app}\\PharmaDesk.exe",
        "{autodesktop}\\PharmaDesk": "{app}\\PharmaDesk.exe",
    }
    assert iss._local(script, script.setup["SetupIconFile"]) == (
        layout.REPO / "resources" / "icons" / "pharmadesk.ico"
    )


def test_the_uninstaller_deletes_nothing_it_did_not_install() -> None:
    script = iss.parse()
    assert script.entries("UninstallDelete") == []
    assert all(e["Name"].startswith("{app}\\") for e in script.entries("InstallDelete"))


def test_it_installs_per_machine_and_the_first_run_is_the_users(tmp_path: Path) -> None:
    script = iss.parse()
    assert script.setup["PrivilegesRequired"] == "admin"
    assert script.setup["DefaultDirName"] == "{autopf}\\PharmaDesk"
    [first_run] = script.entries("Run")
    assert "runasoriginaluser" in first_run["Flags"].split()


@pytest.mark.parametrize(
    ("old", "new", "complaint"),
    [
        ("[Icons]", '[UninstallDelete]\nType: filesandordirs; Name: "{localappdata}\\PharmaDesk"\n'
         "\n[Icons]", "the uninstaller deletes only what it installed"),
        ('Name: "{app}\\_internal"', 'Name: "{userappdata}\\PharmaDesk"',
         "outside the install folder"),
        ("{#DistDir}\\pharmadesk-cli.exe", "..\\build\\pharmadesk-cli.exe",
         "neither in dist/pharmadesk nor a repository file"),
        ("..\\resources\\icons\\pharmadesk.ico", "..\\resources\\icons\\missing.ico",
         "does not exist"),
        ('Filename: "{app}\\PharmaDesk.exe"; WorkingDir: "{app}"\n',
         'Filename: "{app}\\pharmadesk-cli.exe"; WorkingDir: "{app}"\n', "does not start"),
        ("AppVersion={#AppVersion}", "AppVersion=0.1.0", "must come from the build"),
        ("{autopf}\\PharmaDesk", "{localappdata}\\PharmaDesk", "under {autopf}"),
        # What the uninstaller removes besides [UninstallDelete]: what was put elsewhere,
        # what it runs, what [Code] deletes, the registry keys of the window's settings.
        ('DestDir: "{app}"; Flags: ignoreversion\nSource: "{#DistDir}\\pharmadesk-cli.exe"',
         'DestDir: "{localappdata}\\PharmaDesk"; Flags: ignoreversion\n'
         'Source: "{#DistDir}\\pharmadesk-cli.exe"', "goes outside the install folder"),
        ("[Icons]", '[Dirs]\nName: "{localappdata}\\PharmaDesk\\backups"\n\n[Icons]',
         "[Dirs]"),
        ("[Icons]", '[UninstallRun]\nFilename: "{cmd}"; Parameters: "/c rmdir /s /q '
         '""{localappdata}\\PharmaDesk"""; RunOnceId: "wipe"\n\n[Icons]',
         "the uninstaller runs nothing"),
        ("[Icons]", "[Code]\nprocedure CurUninstallStepChanged(Step: TUninstallStep);\n"
         "begin\n  DelTree(ExpandConstant('{localappdata}\\PharmaDesk'), True, True, True);\n"
         "end;\n\n[Icons]", "[Code] deletes files"),
        ("[Icons]", '[Registry]\nRoot: HKCU; Subkey: "Software\\PharmaDesk"; '
         "Flags: uninsdeletekey\n\n[Icons]", "the user's settings"),
    ],
)  # fmt: skip
def test_a_script_that_breaks_a_rule_is_refused(
    tmp_path: Path, old: str, new: str, complaint: str
) -> None:
    found = iss.problems(_variant(tmp_path, old, new))
    assert any(complaint in problem for problem in found), found


def _fake_build(folder: Path, programs: list[str]) -> Path:
    for name in programs:
        (folder / name).write_bytes(b"")
    (folder / layout.CONTENTS / "resources").mkdir(parents=True)
    (folder / layout.CONTENTS / "resources" / "x.qm").write_bytes(b"")
    return folder


def test_a_linux_build_has_what_the_script_names_with_its_own_program(tmp_path: Path) -> None:
    script = iss.parse()
    assert iss.missing_from_build(script, _fake_build(tmp_path, ["pharmadesk"]), "linux") == []


def test_a_windows_build_without_the_command_line_program_is_reported(tmp_path: Path) -> None:
    built = _fake_build(tmp_path, ["PharmaDesk.exe"])
    [missing] = iss.missing_from_build(iss.parse(), built, "win32")
    assert "pharmadesk-cli.exe" in missing


def test_an_empty_build_is_reported(tmp_path: Path) -> None:
    found = iss.missing_from_build(iss.parse(), tmp_path, "linux")
    assert any("_internal" in problem for problem in found)
    assert any("no pharmadesk" in problem for problem in found)

; Inno Setup 6 script (6.3 or later, for x64compatible): the Windows installer of PharmaDesk,
; PharmaDesk-Setup-VERSION.exe.
;
; Build it with `python installer\build.py` on Windows: PyInstaller first makes
; dist\pharmadesk\ from installer\pharmadesk.spec, then this runs as
;     iscc /DAppVersion=<version in pyproject.toml> /DDistDir=<...\dist\pharmadesk> pharmadesk.iss
; The version is never typed here. tests/unit/installer/test_inno_script.py and
; `make dist-check` check that every file named below exists.
;
; The pharmacy's data is NOT in the install folder: databases, key files, backups, settings
; and logs live in the user's own folders (%LOCALAPPDATA%\PharmaDesk and the backup folder
; the owner chose, e.g. a USB drive; see pharmadesk/paths.py). The uninstaller removes only
; the files this script installed, so uninstalling or reinstalling PharmaDesk never deletes
; a pharmacy or its backups. There is deliberately no [UninstallDelete] section: do not add
; one that reaches into a user's folders.

#ifndef AppVersion
  #error Build with installer\build.py, or pass /DAppVersion=X.Y.Z (the version in pyproject.toml)
#endif
#ifndef FileVersion
  #define FileVersion AppVersion
#endif
#ifndef DistDir
  #define DistDir "..\dist\pharmadesk"
#endif

[Setup]
; Fixed for ever: Windows recognises an upgrade of PharmaDesk by this id.
AppId={{196825EE-632F-4C77-ADFC-EBD432822BB9}
AppName=PharmaDesk
AppVersion={#AppVersion}
AppVerName=PharmaDesk {#AppVersion}
AppPublisher=PharmaDesk
; Four numbers (0.1.0.0): Windows' file version has no room for a suffix such as rc1.
VersionInfoVersion={#FileVersion}
VersionInfoProductName=PharmaDesk
; Per machine: every account on the counter PC gets the program and its shortcuts.
PrivilegesRequired=admin
DefaultDirName={autopf}\PharmaDesk
DefaultGroupName=PharmaDesk
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SetupIconFile=..\resources\icons\pharmadesk.ico
UninstallDisplayIcon={app}\PharmaDesk.exe
UninstallDisplayName=PharmaDesk
OutputBaseFilename=PharmaDesk-Setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; A PharmaDesk still open is asked to close first (its files are in use).
CloseApplications=yes
RestartApplications=no

[Languages]
; Simplified Chinese is an official Inno Setup translation only in recent versions; an
; older Inno Setup builds an English-only installer rather than failing.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; The previous version's program files only (the layout of _internal changes between
; builds and a stale library could be loaded); never anything outside {app}.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
; The window program (no console) and the command line (pharmadesk-cli.exe --version,
; backup, import ...), sharing _internal\ with Python, Qt, the OCR models and resources\.
Source: "{#DistDir}\PharmaDesk.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#DistDir}\pharmadesk-cli.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#DistDir}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\PharmaDesk"; Filename: "{app}\PharmaDesk.exe"; WorkingDir: "{app}"
Name: "{autodesktop}\PharmaDesk"; Filename: "{app}\PharmaDesk.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
; As the user who ran the installer, not as the administrator it elevated to: the first run
; creates the pharmacy in that user's own data folder.
Filename: "{app}\PharmaDesk.exe"; Description: "{cm:LaunchProgram,PharmaDesk}"; Flags: nowait postinstall skipifsilent runasoriginaluser

; Inno Setup script for Commitment Tracker on Windows. UNTESTED: no Windows machine here.
; 1. On Windows: python -m venv .venv && .venv\Scripts\pip install -e .[package]
; 2. Make resources\icons\commitment-tracker.ico (e.g. from the 16-256 px PNGs)
; 3. .venv\Scripts\pyinstaller --noconfirm --distpath build\dist packaging\commitment-tracker.spec
; 4. iscc packaging\windows\commitment-tracker.iss   ->  build\CommitmentTracker-Setup-0.1.0.exe

#define AppName "Commitment Tracker"
#define AppVersion "0.1.0"

[Setup]
AppId={{5B0F6D7E-9A43-4C7E-9D8E-3F4D2A1C0B11}
AppName={#AppName}
AppVersion={#AppVersion}
DefaultDirName={autopf}\Commitment Tracker
DefaultGroupName={#AppName}
OutputDir=..\..\build
OutputBaseFilename=CommitmentTracker-Setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
SetupIconFile=..\..\resources\icons\commitment-tracker.ico
UninstallDisplayIcon={app}\commitment-tracker.exe
PrivilegesRequiredOverridesAllowed=dialog

[Files]
Source: "..\..\build\dist\commitment-tracker\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\commitment-tracker.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\commitment-tracker.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; Flags: unchecked

[Run]
Filename: "{app}\commitment-tracker.exe"; Description: "Start {#AppName}"; Flags: nowait postinstall skipifsilent

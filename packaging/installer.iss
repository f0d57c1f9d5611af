; Inno Setup script: a per-user installer (no administrator rights needed) for the one-folder
; PyInstaller build in dist\OPCC Inspection Responses. IT departments deploying to many machines
; use the per-machine MSI instead (see README.md in this folder).
#define AppName "OPCC Inspection Responses"
#define AppVersion GetEnv("APP_VERSION")
#if AppVersion == ""
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6F0B7F3E-2C1D-4B7A-9E55-0C9A1C3D5E21}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=OPCC Inspection Responses developers
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
OutputDir=..\dist
OutputBaseFilename=OPCC-Inspection-Responses-{#AppVersion}-user-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\opcc-responses.exe

[Languages]
Name: "english"; MessagesFile: "compiler:Languages\BritishEnglish.isl"

[Files]
Source: "..\dist\{#AppName}\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\opcc-responses.exe"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\opcc-responses.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; Flags: unchecked

; The database in %LOCALAPPDATA%\OPCC Inspection Responses is the user's data: the uninstaller
; leaves it in place on purpose.

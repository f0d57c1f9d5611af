; The per-user installer (NSIS): installs the one-folder bundle under the user's own programs
; folder, %LOCALAPPDATA%\Programs\OPCC Inspection Responses, with no administrator rights, adds a
; Start-menu shortcut and an entry in Settings → Apps, and upgrades an earlier version in place.
; Its uninstaller keeps the user's database, backups and logs unless they tick the box (or give
; /REMOVEDATA). IT departments deploying to many machines use the per-machine MSI instead.
;
; Built by scripts/package.py, which passes the product's name and version (from app/__init__.py)
; and the bundle's folder, so that they agree with the programs and the MSI:
;   makensis -WX -DAPP_NAME=… -DVERSION=… -DBUNDLE=… -DICON=… -DOUTFILE=… packaging\installer.nsi
;
; Silent use (see packaging/README.md):
;   setup.exe /S [/D=C:\path\without\quotes]       install or upgrade
;   "…\uninstall.exe" /S [/REMOVEDATA]             uninstall (keeps the data unless /REMOVEDATA)

!ifdef APP_NAME & VERSION & BUNDLE & ICON & OUTFILE
!else
  !error "Build with scripts/package.py installers (it defines APP_NAME, VERSION, BUNDLE, ICON and OUTFILE)"
!endif

; A 64-bit installer where this NSIS has the 64-bit stubs (Debian's does; the Windows release has
; only 32-bit ones, which behave the same here: the application itself is 64-bit).
!if /FileExists "${NSISDIR}\Stubs\lzma-amd64-unicode"
  Target amd64-unicode
!else
  Unicode true
!endif

!define APP_ID "{6F0B7F3E-2C1D-4B7A-9E55-0C9A1C3D5E21}"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define PUBLISHER "OPCC Inspection Responses developers"
!define GUI_EXE "opcc-responses.exe"
!define CLI_EXE "opcc-responses-cli.exe"
!define SHORTCUT "$SMPROGRAMS\${APP_NAME}.lnk"

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "WordFunc.nsh"
!include "x64.nsh"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
SetCompressor /SOLID lzma
ManifestDPIAware true
ShowInstDetails nevershow
ShowUninstDetails nevershow
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIFileVersion "${VERSION}.0"
VIAddVersionKey /LANG=2057 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=2057 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2057 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2057 "FileDescription" "${APP_NAME} ${VERSION} setup (per user)"
VIAddVersionKey /LANG=2057 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=2057 "LegalCopyright" "© ${PUBLISHER}"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${GUI_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Open ${APP_NAME} now"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!define MUI_COMPONENTSPAGE_TEXT_TOP "The program is removed. Your inspections database, its backups and the logs are kept (for a later installation, or to copy elsewhere) unless you tick the box."
!define MUI_COMPONENTSPAGE_NODESC
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "English"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "${APP_NAME} needs 64-bit Windows." /SD IDOK
    SetErrorLevel 2
    Quit
  ${EndIf}
  SetShellVarContext current
  ; A newer version already installed is never replaced by an older one.
  ReadRegStr $0 HKCU "${UNINSTALL_KEY}" "DisplayVersion"
  ${If} $0 != ""
    ${VersionCompare} "$0" "${VERSION}" $1
    ${If} $1 == 1
      MessageBox MB_ICONSTOP "${APP_NAME} $0 is already installed, which is newer than this version (${VERSION}). Uninstall it first to install this one." /SD IDOK
      SetErrorLevel 3
      Quit
    ${EndIf}
  ${EndIf}
FunctionEnd

Section "${APP_NAME}" SecProgram
  SectionIn RO
  SetShellVarContext current
  ; Upgrade in place: the earlier version's files go first (its uninstaller, run silently, keeps
  ; the data as it always does), wherever it was installed.
  ReadRegStr $0 HKCU "${UNINSTALL_KEY}" "InstallLocation"
  ${If} $0 != ""
  ${AndIf} ${FileExists} "$0\uninstall.exe"
    DetailPrint "Removing the earlier version from $0"
    ExecWait '"$0\uninstall.exe" /S _?=$0'
    Delete "$0\uninstall.exe"
    RMDir "$0"
  ${EndIf}
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "${SHORTCUT}" "$INSTDIR\${GUI_EXE}" "" "$INSTDIR\${GUI_EXE}" 0 SW_SHOWNORMAL "" "${APP_NAME} ${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${GUI_EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "un.The program" SecUnProgram
  SectionIn RO
  SetShellVarContext current
  Delete "${SHORTCUT}"
  ; Only what the installer put there: a folder chosen with /D keeps anything else in it.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${GUI_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd

Section /o "un.Also delete my inspections database, its backups and the logs" SecUnData
  SetShellVarContext current
  ; The data folder (database, backups, logs) and the window's settings.
  RMDir /r "$LOCALAPPDATA\${APP_NAME}"
  RMDir /r "$APPDATA\${APP_NAME}"
SectionEnd

; After the sections: it ticks the data section for /REMOVEDATA.
Function un.onInit
  SetShellVarContext current
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} "$0" "/REMOVEDATA" $1
  ${IfNot} ${Errors}
    SectionSetFlags ${SecUnData} ${SF_SELECTED}
  ${EndIf}
FunctionEnd

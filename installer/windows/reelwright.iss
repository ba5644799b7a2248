; Inno Setup 6 script for Reelwright on Windows (x64). installer/build.py runs it as
;   ISCC.exe /DAppVersion=0.1.0 /DSourceDir=...\dist\Reelwright /DOutputDir=...\dist reelwright.iss
; after PyInstaller has made dist\Reelwright\ (Reelwright.exe without a console window for the
; writer, reelwright-cli.exe for a terminal). The setup needs no administrator rights by
; default (per-user install); it offers a per-machine install when run as administrator.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\Reelwright"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef OutputSuffix
  #define OutputSuffix ""
#endif

[Setup]
AppId={{5C0F7E0B-6D0A-4A8E-9D5B-2F1C3B7A9E41}
AppName=Reelwright
AppVersion={#AppVersion}
AppPublisher=The Reelwright developers
AppComments=Offline screenwriting in Fountain with a local language model as co-writer
DefaultDirName={autopf}\Reelwright
DefaultGroupName=Reelwright
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
UninstallDisplayIcon={app}\Reelwright.exe
OutputDir={#OutputDir}
OutputBaseFilename=Reelwright-{#AppVersion}-setup{#OutputSuffix}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "fileassoc"; Description: "Open .fountain screenplays with Reelwright"; GroupDescription: "File types:"
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Reelwright"; Filename: "{app}\Reelwright.exe"
Name: "{autodesktop}\Reelwright"; Filename: "{app}\Reelwright.exe"; Tasks: desktopicon

[Registry]
; .fountain -> Reelwright.Fountain (HKA: HKCU for a per-user install, HKLM for per-machine).
Root: HKA; Subkey: "Software\Classes\.fountain"; ValueType: string; ValueName: ""; ValueData: "Reelwright.Fountain"; Flags: uninsdeletevalue; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\.fountain"; ValueType: string; ValueName: "Content Type"; ValueData: "text/x-fountain"; Flags: uninsdeletevalue; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\.fountain"; ValueType: string; ValueName: "PerceivedType"; ValueData: "text"; Flags: uninsdeletevalue; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\.fountain\OpenWithProgids"; ValueType: string; ValueName: "Reelwright.Fountain"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Reelwright.Fountain"; ValueType: string; ValueName: ""; ValueData: "Fountain Screenplay"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Reelwright.Fountain\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\Reelwright.exe,0"
Root: HKA; Subkey: "Software\Classes\Reelwright.Fountain\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\Reelwright.exe"" open ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\Reelwright.exe\SupportedTypes"; ValueType: string; ValueName: ".fountain"; ValueData: ""; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\Reelwright.exe\SupportedTypes"; ValueType: string; ValueName: ".fdx"; ValueData: ""

[Run]
Filename: "{app}\Reelwright.exe"; Description: "{cm:LaunchProgram,Reelwright}"; Flags: nowait postinstall skipifsilent

; diaryrec installer for Windows (Inno Setup 6.3 or newer; CI and `make windows` use 6.4.1,
; pinned in packaging\windows\innosetup\package.json; 6.6+ and 7 should work too).
;
; Packages the PyInstaller onedir build (dist\diaryrec) for one user, without admin
; rights: it installs to %LOCALAPPDATA%\Programs\diaryrec and adds a Start-menu entry.
; The uninstaller removes the program and keeps the participant's study data in
; %APPDATA%\diaryrec unless they tick the box that deletes it.
;
; Build it with packaging\windows\build_installer.ps1, which reads the version from
; diaryrec\__init__.py and signs when a certificate is configured. By hand:
;   iscc /DAppVersion=0.1.0 /DFileVersion=0.1.150.0 packaging\windows\diaryrec.iss
; Defines: AppVersion, FileVersion (numeric), SourceDir (the onedir folder), OutputDir, Sign (set by the
; build script together with the sign tool named "diaryrec", see README).
;
; This file is UTF-8 with a byte-order mark: Inno Setup needs the mark to read the
; Korean messages below correctly.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=x.y.z (build_installer.ps1 does this)
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\diaryrec"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist\installer"
#endif
#ifndef FileVersion
  ; Windows wants four numbers here, ordered like the releases (0.2.0rc1 -> 0.2.121.0,
  ; below 0.2.0 -> 0.2.150.0): build_installer.ps1 passes those of diaryrec.exe, which
  ; the spec sets from packaging\pyinstaller\build_rules.py.
  #error Pass the numeric file version: iscc /DFileVersion=a.b.c.d (build_installer.ps1 does this)
#endif
#define AppExe "diaryrec.exe"

[Setup]
; AppId ties upgrades and the uninstaller together: never change it.
AppId={{703EF897-0CD6-4930-9028-331F8D41B9ED}
AppName=diaryrec
AppVersion={#AppVersion}
AppVerName=diaryrec {#AppVersion}
AppPublisher=diaryrec research team
VersionInfoVersion={#FileVersion}
VersionInfoProductName=diaryrec
; Per-user install: {autopf} is %LOCALAPPDATA%\Programs when not elevated, and
; there is no way to ask for elevation (participants often have no admin rights).
PrivilegesRequired=lowest
DefaultDirName={autopf}\diaryrec
DefaultGroupName=diaryrec
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6.8 and later (PySide6-Essentials) need Windows 10 1809 or later.
MinVersion=10.0.17763
OutputDir={#OutputDir}
OutputBaseFilename=diaryrec-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\resources\icons\diaryrec.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName=diaryrec
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
; Close a running diaryrec (Restart Manager) instead of failing on locked files.
CloseApplications=yes
RestartApplications=no
#ifdef Sign
; "diaryrec" is defined on the ISCC command line by build_installer.ps1 (/Sdiaryrec=...)
SignTool=diaryrec
SignedUninstaller=yes
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
#if FileExists(AddBackslash(CompilerPath) + "Languages\Korean.isl")
Name: "korean"; MessagesFile: "compiler:Languages\Korean.isl"
#endif

[CustomMessages]
english.KeepDataTitle=Your study data
english.KeepDataNote=diaryrec is being removed. Your diary entries, screenshots and settings stay in%n%1%nso that you can still export them for the research team, or install diaryrec again later.
english.DeleteDataBox=Also delete my study data (this cannot be undone)
english.DeleteDataFailed=Some of your study data could not be deleted. Close diaryrec and delete this folder yourself:%n%1
#if FileExists(AddBackslash(CompilerPath) + "Languages\Korean.isl")
korean.KeepDataTitle=연구 데이터
korean.KeepDataNote=diaryrec를 제거합니다. 일지, 스크린샷과 설정은 다음 폴더에 그대로 남습니다:%n%1%n연구팀에 내보내거나 나중에 diaryrec를 다시 설치해 이어서 쓸 수 있습니다.
korean.DeleteDataBox=연구 데이터도 함께 삭제 (되돌릴 수 없습니다)
korean.DeleteDataFailed=연구 데이터 일부를 삭제하지 못했습니다. diaryrec를 닫고 다음 폴더를 직접 삭제해 주세요:%n%1
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade must not leave an older build's files (modules, migrations) beside the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\diaryrec"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\diaryrec"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,diaryrec}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; The uninstaller removes what the installer put in {app} (its log lists every file
; and folder); anything else there stays, as a participant may have picked a folder
; that holds other files. The folder itself goes only when that leaves it empty.
; The data folder is handled in [Code] below.
Type: dirifempty; Name: "{app}"

[Code]
var
  DeleteParticipantData: Boolean;

function ParticipantDataDir(): String;
begin
  { platformdirs' roaming user data dir, where diaryrec keeps the study by default }
  Result := ExpandConstant('{userappdata}\diaryrec');
end;

{ Asks, with a box that is not ticked, whether to delete the study data as well.
  Returns False when the participant cancels the uninstall. }
function AskAboutParticipantData(): Boolean;
var
  Form: TSetupForm;
  Note: TNewStaticText;
  Box: TNewCheckBox;
  OkButton, CancelButton: TNewButton;
begin
#if Ver >= EncodeVer(7, 0, 0)
  Form := CreateCustomForm(460, 200, False, False);
#elif Ver >= EncodeVer(6, 6, 0)
  Form := CreateCustomForm(ScaleX(460), ScaleY(200), False, False);
#else
  Form := CreateCustomForm();
  Form.ClientWidth := ScaleX(460);
  Form.ClientHeight := ScaleY(200);
#endif
  try
    Form.Caption := CustomMessage('KeepDataTitle');

    Note := TNewStaticText.Create(Form);
    Note.Parent := Form;
    Note.AutoSize := False;
    Note.WordWrap := True;
    Note.Left := ScaleX(16);
    Note.Top := ScaleY(16);
    Note.Width := Form.ClientWidth - ScaleX(32);
    Note.Height := ScaleY(90);
    Note.Caption := FmtMessage(CustomMessage('KeepDataNote'), [ParticipantDataDir()]);

    Box := TNewCheckBox.Create(Form);
    Box.Parent := Form;
    Box.Left := ScaleX(16);
    Box.Top := ScaleY(112);
    Box.Width := Form.ClientWidth - ScaleX(32);
    Box.Height := ScaleY(20);
    Box.Caption := CustomMessage('DeleteDataBox');
    Box.Checked := False;

    OkButton := TNewButton.Create(Form);
    OkButton.Parent := Form;
    OkButton.Width := ScaleX(90);
    OkButton.Height := ScaleY(26);
    OkButton.Left := Form.ClientWidth - ScaleX(16 + 90 + 8 + 90);
    OkButton.Top := Form.ClientHeight - ScaleY(26 + 14);
    OkButton.Caption := SetupMessage(msgButtonOK);
    OkButton.ModalResult := mrOk;
    OkButton.Default := True;

    CancelButton := TNewButton.Create(Form);
    CancelButton.Parent := Form;
    CancelButton.Width := ScaleX(90);
    CancelButton.Height := ScaleY(26);
    CancelButton.Left := Form.ClientWidth - ScaleX(16 + 90);
    CancelButton.Top := OkButton.Top;
    CancelButton.Caption := SetupMessage(msgButtonCancel);
    CancelButton.ModalResult := mrCancel;
    CancelButton.Cancel := True;

    Form.ActiveControl := OkButton;
    Result := Form.ShowModal() = mrOk;
    DeleteParticipantData := Result and Box.Checked;
  finally
    Form.Free();
  end;
end;

function InitializeUninstall(): Boolean;
begin
  DeleteParticipantData := False;
  Result := True;
  { A silent uninstall (an IT department, or CI) never deletes study data. }
  if UninstallSilent() or not DirExists(ParticipantDataDir()) then
    Exit;
  Result := AskAboutParticipantData();
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DeleteParticipantData then
  begin
    if not DelTree(ParticipantDataDir(), True, True, True) then
      MsgBox(FmtMessage(CustomMessage('DeleteDataFailed'), [ParticipantDataDir()]), mbError, MB_OK);
  end;
end;

# Builds the Windows installer from the PyInstaller onedir build (dist\diaryrec).
#
#   pwsh packaging\windows\build_installer.ps1            # after: pyinstaller packaging\pyinstaller\diaryrec.spec
#
# Signing (Authenticode) happens only when a certificate is configured; otherwise the
# installer is built unsigned and this script says so. Environment variables:
#   DIARYREC_WINDOWS_CERT_PFX_BASE64  the .pfx file, base64-encoded (a CI secret), or
#   DIARYREC_WINDOWS_CERT_PFX         the path of a .pfx file;
#   DIARYREC_WINDOWS_CERT_PASSWORD    its password;
#   DIARYREC_WINDOWS_CERT_SHA1        or: the thumbprint of a certificate already in the
#                                     current user's store (a hardware token, a dev machine);
#   DIARYREC_TIMESTAMP_URL            RFC 3161 time-stamp server (default: DigiCert's).
#   DIARYREC_ISCC                     ISCC.exe to use (CI: the pinned one); else found on PATH
#                                     or in the usual Inno Setup folders.
# The certificate is imported into the user's store and signtool selects it by
# thumbprint, so no password ever appears on a command line or in the ISCC log.
[CmdletBinding()]
param(
    [string]$SourceDir = "dist\diaryrec",
    [string]$OutputDir = "dist\installer"
)
$ErrorActionPreference = "Stop"
$Root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $Root

$init = Get-Content -Raw -Encoding UTF8 "diaryrec\__init__.py"
if ($init -notmatch '(?m)^__version__\s*=\s*["'']([^"'']+)["'']') { throw "no __version__ in diaryrec\__init__.py" }
$Version = $Matches[1]
$SourceDir = (Resolve-Path $SourceDir).Path
$exe = Join-Path $SourceDir "diaryrec.exe"
if (-not (Test-Path $exe)) { throw "no diaryrec.exe in ${SourceDir}: build the onedir app first" }
# The numeric file version is the one the spec gave diaryrec.exe (packaging/pyinstaller/
# build_rules.py: ordered like the releases, so 0.2.0rc1 -> 0.2.121.0 < 0.2.0 -> 0.2.150.0).
$info = [System.Diagnostics.FileVersionInfo]::GetVersionInfo($exe)
$FileVersion = "$($info.FileMajorPart).$($info.FileMinorPart).$($info.FileBuildPart).$($info.FilePrivatePart)"
if ($info.ProductVersion -ne $Version) { throw "diaryrec.exe is version $($info.ProductVersion), diaryrec\__init__.py says ${Version}: rebuild the onedir app" }
Write-Host "diaryrec $Version (file version $FileVersion)"
New-Item -ItemType Directory -Force -Path $OutputDir | Out-Null
$OutputDir = (Resolve-Path $OutputDir).Path

function Find-Tool([string]$name, [string[]]$candidates) {
    $cmd = Get-Command $name -ErrorAction SilentlyContinue
    if ($cmd) { return $cmd.Source }
    foreach ($pattern in $candidates) {
        $found = Get-ChildItem -Path $pattern -ErrorAction SilentlyContinue | Sort-Object FullName -Descending | Select-Object -First 1
        if ($found) { return $found.FullName }
    }
    return $null
}

# DIARYREC_ISCC: the pinned Inno Setup that CI installs (packaging/windows/innosetup/).
$iscc = if ($env:DIARYREC_ISCC) { $env:DIARYREC_ISCC } else { Find-Tool "iscc.exe" @(
    "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe", "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
    "$env:ProgramFiles\Inno Setup 7\ISCC.exe", "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe",
    "$env:LOCALAPPDATA\Programs\Inno Setup 7\ISCC.exe") }
if (-not $iscc) { throw "Inno Setup's ISCC.exe not found: install Inno Setup 6.3+ (winget install JRSoftware.InnoSetup, or choco install innosetup)" }

# --- optional Authenticode signing ---------------------------------------------------
$thumbprint = $env:DIARYREC_WINDOWS_CERT_SHA1
$pfx = $env:DIARYREC_WINDOWS_CERT_PFX
if (-not $thumbprint -and $env:DIARYREC_WINDOWS_CERT_PFX_BASE64) {
    $pfx = Join-Path ([IO.Path]::GetTempPath()) "diaryrec-signing.pfx"
    [IO.File]::WriteAllBytes($pfx, [Convert]::FromBase64String($env:DIARYREC_WINDOWS_CERT_PFX_BASE64))
}
if (-not $thumbprint -and $pfx) {
    $password = ConvertTo-SecureString -String "$env:DIARYREC_WINDOWS_CERT_PASSWORD" -AsPlainText -Force
    $cert = Import-PfxCertificate -FilePath $pfx -CertStoreLocation Cert:\CurrentUser\My -Password $password
    $thumbprint = $cert.Thumbprint
    if ($env:DIARYREC_WINDOWS_CERT_PFX_BASE64) { Remove-Item $pfx -Force }
}
$isccArgs = @("/Q", "/DAppVersion=$Version", "/DFileVersion=$FileVersion", "/DSourceDir=$SourceDir", "/DOutputDir=$OutputDir")
if ($thumbprint) {
    $signtool = Find-Tool "signtool.exe" @("${env:ProgramFiles(x86)}\Windows Kits\10\bin\*\x64\signtool.exe")
    if (-not $signtool) { throw "signtool.exe not found: install the Windows SDK" }
    $timestamp = if ($env:DIARYREC_TIMESTAMP_URL) { $env:DIARYREC_TIMESTAMP_URL } else { "http://timestamp.digicert.com" }
    $signArgs = @("sign", "/sha1", $thumbprint, "/fd", "sha256", "/tr", $timestamp, "/td", "sha256", "/d", "diaryrec")
    Write-Host "signing with certificate $thumbprint"
    # The app itself first: it is what SmartScreen and antivirus look at after install.
    & $signtool @signArgs (Join-Path $SourceDir "diaryrec.exe")
    if ($LASTEXITCODE -ne 0) { throw "signtool failed on diaryrec.exe" }
    # ISCC runs the named sign tool on setup.exe and the uninstaller. In its command
    # $q stands for a quote and $f for the quoted file name (no nested quoting).
    $isccArgs += @("/DSign", ("/Sdiaryrec=`$q$signtool`$q " + ($signArgs -join " ") + " `$f"))
} else {
    Write-Host "signing skipped: no certificate configured (set DIARYREC_WINDOWS_CERT_PFX_BASE64 and DIARYREC_WINDOWS_CERT_PASSWORD, or DIARYREC_WINDOWS_CERT_SHA1)"
}

& $iscc @isccArgs (Join-Path $PSScriptRoot "diaryrec.iss")
if ($LASTEXITCODE -ne 0) { throw "ISCC failed ($LASTEXITCODE)" }
$installer = Join-Path $OutputDir "diaryrec-$Version-windows-x64-setup.exe"
if (-not (Test-Path $installer)) { throw "ISCC did not write $installer" }
Write-Host "installer: $installer"
if ($env:GITHUB_OUTPUT) { "installer=$installer" | Out-File -Append -Encoding utf8 $env:GITHUB_OUTPUT }

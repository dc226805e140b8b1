# Installs LinkService as a Windows service. Run from the repository root in an elevated PowerShell:
#   .\install\windows\install.ps1 -InstallDir C:\LinkService
# The service runs as a virtual account (NT SERVICE\LinkService) that alone can read work\keys.
param(
    [string]$InstallDir = "C:\LinkService",
    [string]$ServiceName = "LinkService"
)
$ErrorActionPreference = "Stop"

dotnet publish src/LinkService -c Release -r win-x64 --self-contained false -o "$InstallDir\bin" --nologo
if (-not (Test-Path "$InstallDir\config\appsettings.json")) {
    Copy-Item -Recurse config "$InstallDir\config"
    # Absolute folders: a Windows service starts in System32.
    $settings = Get-Content "$InstallDir\config\appsettings.json" -Raw
    $settings = $settings.Replace('"var/drop"', '"' + ($InstallDir + '\var\drop').Replace('\', '\\') + '"')
    $settings = $settings.Replace('"var/work"', '"' + ($InstallDir + '\var\work').Replace('\', '\\') + '"')
    $settings = $settings.Replace('"var/export"', '"' + ($InstallDir + '\var\export').Replace('\', '\\') + '"')
    Set-Content "$InstallDir\config\appsettings.json" $settings
}

$binary = "`"$InstallDir\bin\linkservice.exe`" run --config `"$InstallDir\config`""
if (-not (Get-Service $ServiceName -ErrorAction SilentlyContinue)) {
    New-Service -Name $ServiceName -BinaryPathName $binary -DisplayName "LinkService" -StartupType Automatic `
        -Description "Validates, links and de-identifies departments' extracts."
    sc.exe config $ServiceName obj= "NT SERVICE\$ServiceName" | Out-Null
    # Exit code 2 (a configuration problem) is not retried; other failures restart after a minute.
    sc.exe failure $ServiceName reset= 86400 actions= restart/60000/restart/60000// | Out-Null
}

New-Item -ItemType Directory -Force "$InstallDir\var\work\keys" | Out-Null
icacls "$InstallDir\var\work" /inheritance:r /grant:r "NT SERVICE\${ServiceName}:(OI)(CI)F" "BUILTIN\Administrators:(OI)(CI)F" | Out-Null
Write-Host "Installed. Check the configuration with:"
Write-Host "  & `"$InstallDir\bin\linkservice.exe`" check-config --config `"$InstallDir\config`""
Write-Host "then: Start-Service $ServiceName"

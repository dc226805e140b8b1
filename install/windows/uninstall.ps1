# Removes LinkService installed by install.ps1. Run in an elevated PowerShell:
#   .\install\windows\uninstall.ps1 [-InstallDir C:\LinkService]          the service, program and PATH entry; data stays
#   .\install\windows\uninstall.ps1 [-InstallDir C:\LinkService] -Purge   also config, var (ledger, store, master key,
#                                                                          export, drop folders) and the two local groups
# Department accounts are the administrator's own (docs/install.md): remove them with Remove-LocalUser.
param(
    [string]$InstallDir = "C:\LinkService",
    [string]$ServiceName = "LinkService",
    [switch]$Purge
)
$ErrorActionPreference = "Stop"

if (Get-Service $ServiceName -ErrorAction SilentlyContinue) {
    Stop-Service $ServiceName -ErrorAction SilentlyContinue
    sc.exe delete $ServiceName | Out-Null
}
Remove-Item -Recurse -Force "$InstallDir\bin", "$InstallDir\linkservice.cmd" -ErrorAction SilentlyContinue
$path = [Environment]::GetEnvironmentVariable("Path", "Machine")
[Environment]::SetEnvironmentVariable("Path", (($path -split ";") | Where-Object { $_ -and $_ -ne $InstallDir }) -join ";", "Machine")

if (-not $Purge) {
    Write-Host "Kept $InstallDir\config and $InstallDir\var (ledger, store, master key, export, drop folders)."
    Write-Host "Run with -Purge to remove them too."
    return
}
Remove-Item -Recurse -Force $InstallDir
foreach ($group in "LinkService Departments", "LinkService Analysts") {
    Remove-LocalGroup -Name $group -ErrorAction SilentlyContinue
}
Write-Host "Purged $InstallDir and LinkService's local groups."

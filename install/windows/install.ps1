# Installs LinkService as a Windows service. Run from a checkout or release archive in an elevated PowerShell
# (docs/install.md):
#   .\install\windows\install.ps1 [-Release <folder>] [-InstallDir C:\LinkService]
# -Release is a `dotnet publish src/LinkService -c Release -r win-x64 --self-contained` folder; without it the script
# publishes one, which needs the .NET SDK (the server itself needs no .NET).
#
# The layout matches Linux (install/linux/install.sh):
#   <InstallDir>\bin              the program             Administrators, SYSTEM: full; the service: read
#   <InstallDir>\config           the configuration       Administrators, SYSTEM: full; the service: read
#   <InstallDir>\var              only a way through      Administrators, SYSTEM: full; the service, analysts: list
#   <InstallDir>\var\work         private                 Administrators, SYSTEM: full; the service: modify
#   <InstallDir>\var\export       de-identified outputs   ...; the service: modify; LinkService Analysts: read
#   <InstallDir>\var\drop         the departments' roots  ...; the service: read
#   <InstallDir>\var\drop\<source>           the chroot   ...; the service, the department: read (neither renames it)
#   <InstallDir>\var\drop\<source>\inbox     uploads      ...; the service, the department: modify
#   <InstallDir>\var\drop\<source>\outbox    receipts     ...; the service: modify; the department: read
# Every folder's ACL is explicit with inheritance from its parent cut: nothing comes from C:\'s "Users may create".
# The service runs as the virtual account NT SERVICE\LinkService, which no one can log on as.
param(
    [string]$Release = "",
    [string]$InstallDir = "C:\LinkService",
    [string]$ServiceName = "LinkService"
)
$ErrorActionPreference = "Stop"
$repo = (Resolve-Path "$PSScriptRoot\..\..").Path
$service = "NT SERVICE\$ServiceName"
$departments = "LinkService Departments"
$analysts = "LinkService Analysts"

if (-not $Release) {
    if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) { throw "No .NET SDK here: publish elsewhere and pass -Release." }
    $Release = Join-Path ([IO.Path]::GetTempPath()) ("linkservice-" + [Guid]::NewGuid().ToString("N"))
    dotnet publish "$repo\src\LinkService" -c Release -r win-x64 --self-contained -o $Release --nologo
    if ($LASTEXITCODE -ne 0) { throw "dotnet publish failed." }
}
if (-not (Test-Path "$Release\linkservice.exe")) { throw "$Release\linkservice.exe is missing: is it a win-x64 publish?" }

# Local groups: SFTP accounts of departments (sshd's Match Group) and the analysts who read the export.
foreach ($group in $departments, $analysts) {
    if (-not (Get-LocalGroup -Name $group -ErrorAction SilentlyContinue)) { New-LocalGroup -Name $group | Out-Null }
}

# Replaces a folder's ACL with exactly these grants (icacls syntax), inheritance from the parent removed.
function Set-ExplicitAcl([string]$Path, [string[]]$Grants) {
    New-Item -ItemType Directory -Force $Path | Out-Null
    # /reset drops every explicit grant made before (an earlier install, a hand edit); /inheritance:r then drops
    # what the parent passed down, leaving exactly the grants below.
    & icacls $Path /reset | Out-Null
    $arguments = @($Path, "/inheritance:r", "/grant:r", "BUILTIN\Administrators:(OI)(CI)F", "NT AUTHORITY\SYSTEM:(OI)(CI)F") + $Grants
    & icacls @arguments | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "icacls failed on $Path." }
}

# The program, replaced whole (the service stopped meanwhile).
$existing = Get-Service $ServiceName -ErrorAction SilentlyContinue
if ($existing -and $existing.Status -ne "Stopped") { Stop-Service $ServiceName }
Set-ExplicitAcl $InstallDir @("${service}:(RX)", "${analysts}:(RX)", "${departments}:(RX)")
if (Test-Path "$InstallDir\bin") { Remove-Item -Recurse -Force "$InstallDir\bin" }
Set-ExplicitAcl "$InstallDir\bin" @("${service}:(OI)(CI)RX")
Copy-Item -Recurse "$Release\*" "$InstallDir\bin"

# The configuration: the service reads it; departments and analysts never see it.
if (-not (Test-Path "$InstallDir\config\appsettings.json")) {
    Copy-Item -Recurse "$repo\config" "$InstallDir\config"
    # Absolute folders: a Windows service starts in System32.
    $settings = Get-Content "$InstallDir\config\appsettings.json" -Raw
    foreach ($name in "drop", "work", "export") {
        $settings = $settings.Replace("`"var/$name`"", '"' + ("$InstallDir\var\$name").Replace('\', '\\') + '"')
    }
    Set-Content "$InstallDir\config\appsettings.json" $settings
}
Set-ExplicitAcl "$InstallDir\config" @("${service}:(OI)(CI)RX")

# The service's folders.
Set-ExplicitAcl "$InstallDir\var" @("${service}:(RX)", "${analysts}:(RX)", "${departments}:(RX)")
Set-ExplicitAcl "$InstallDir\var\work" @("${service}:(OI)(CI)M")
Set-ExplicitAcl "$InstallDir\var\export" @("${service}:(OI)(CI)M", "${analysts}:(OI)(CI)RX")
Set-ExplicitAcl "$InstallDir\var\drop" @("${service}:(RX)", "${departments}:(RX)")
# Every configured source gets its folders; a department's account (add it as in docs/install.md, named after its
# source) gets its inbox and outbox when it exists.
foreach ($source in Get-ChildItem "$InstallDir\config\sources\*.json") {
    $name = $source.BaseName
    $drop = "$InstallDir\var\drop\$name"
    $account = Get-LocalUser -Name $name -ErrorAction SilentlyContinue
    $department = if ($account) { @("${name}:(RX)") } else { @() }
    Set-ExplicitAcl $drop (@("${service}:(RX)") + $department)
    Set-ExplicitAcl "$drop\inbox" (@("${service}:(OI)(CI)M") + ($department | ForEach-Object { $_.Replace(":(RX)", ":(OI)(CI)M") }))
    Set-ExplicitAcl "$drop\outbox" (@("${service}:(OI)(CI)M") + ($department | ForEach-Object { $_.Replace(":(RX)", ":(OI)(CI)RX") }))
}

# The service: automatic start, its virtual account, restarts on failure (not on a configuration problem, exit 2,
# which the service reports as a stop rather than a crash).
$binary = "`"$InstallDir\bin\linkservice.exe`" run --config `"$InstallDir\config`""
if (-not $existing) {
    New-Service -Name $ServiceName -BinaryPathName $binary -DisplayName "LinkService" -StartupType Automatic `
        -Description "Validates, links and de-identifies departments' extracts." | Out-Null
}
sc.exe config $ServiceName binPath= $binary obj= $service | Out-Null
sc.exe failure $ServiceName reset= 86400 actions= restart/60000/restart/60000// | Out-Null

# `linkservice` on the PATH, on the installed configuration. (A virtual account cannot be logged on as: commands run
# as the administrator who calls them, whose files in work\ inherit work\'s ACL, the service's included.)
Set-Content "$InstallDir\linkservice.cmd" "@`"$InstallDir\bin\linkservice.exe`" %* --config `"$InstallDir\config`""
$path = [Environment]::GetEnvironmentVariable("Path", "Machine")
if (($path -split ";") -notcontains $InstallDir) {
    [Environment]::SetEnvironmentVariable("Path", "$path;$InstallDir", "Machine")
}

# The master key, made once: work\keys inherits work's ACL (the service and administrators only).
if (-not (Test-Path "$InstallDir\var\work\keys\master.key")) {
    & "$InstallDir\bin\linkservice.exe" keys init --config "$InstallDir\config"
    if ($LASTEXITCODE -ne 0) { throw "keys init failed." }
}

Write-Host "Installed. Back up $InstallDir\var\work\keys\master.key offline."
Write-Host "Set up OpenSSH for the departments as docs/install.md says, check the configuration with"
Write-Host "  linkservice check-config"
Write-Host "then: Start-Service $ServiceName"

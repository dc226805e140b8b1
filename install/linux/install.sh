#!/usr/bin/env bash
# Installs LinkService as a systemd service. Run as root from a checkout or release archive (docs/install.md):
#   sudo install/linux/install.sh [RELEASE]         RELEASE: a `dotnet publish -r linux-x64 --self-contained` folder
#   install/linux/install.sh --root DIR [RELEASE]   into DIR, for packaging and tests (DESTDIR works too)
# Without RELEASE it publishes one, which needs the .NET SDK; the server itself needs no .NET at all.
#
# Everything it creates, with its owner and mode, is listed in /opt/linkservice/install-manifest ("mode owner group
# path", one a line). Under --root nothing is chown'ed (the accounts may not exist where it runs): a package applies
# the manifest's owners after creating the accounts from /usr/lib/sysusers.d/linkservice.conf (systemd-sysusers),
# then creates the master key with `linkservice keys init` (or lets the service's first start create it).
set -euo pipefail
umask 022

usage() { echo "usage: install.sh [--root DIR] [RELEASE]" >&2; exit 2; }

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
root=${DESTDIR:-}
release=
while [ $# -gt 0 ]; do
  case $1 in
    --root) [ $# -ge 2 ] || usage; root=$2; shift 2 ;;
    --root=*) root=${1#--root=}; shift ;;
    -h|--help) usage ;;
    -*) usage ;;
    *) [ -z "$release" ] || usage; release=$1; shift ;;
  esac
done
if [ -n "$root" ]; then
  mkdir -p "$root"
  root=$(cd "$root" && pwd)
fi
live() { [ -z "$root" ]; }
if live && [ "$(id -u)" != 0 ]; then
  echo "install.sh: run it as root, or with --root DIR to install into a folder." >&2
  exit 2
fi

# The layout, as the target system sees it (the unit, the wrapper and the sshd snippet name the same paths).
prefix=/opt/linkservice
config=/etc/linkservice
state=/var/lib/linkservice
work=$state/work
export_root=$state/export
drop=/srv/linkservice/drop
service=linkservice
departments=linkservice-departments
analysts=analysts
ssh_keys=/etc/ssh/linkservice/authorized_keys

built=
cleanup() { [ -z "$built" ] || rm -rf "$built"; }
trap cleanup EXIT
if [ -z "$release" ]; then
  command -v dotnet >/dev/null || { echo "install.sh: no .NET SDK here: publish elsewhere and give the folder as RELEASE." >&2; exit 2; }
  built=$(mktemp -d)
  dotnet publish "$repo/src/LinkService" -c Release -r linux-x64 --self-contained -o "$built" --nologo >&2
  release=$built
fi
[ -x "$release/linkservice" ] || { echo "install.sh: $release/linkservice is not an executable: is it a linux-x64 publish?" >&2; exit 2; }

manifest=$(mktemp)
trap 'cleanup; rm -f "$manifest"' EXIT

# One entry per folder or file: created (or corrected) with its mode, chown'ed on a live system, and recorded.
record() { printf '%s %s %s %s\n' "$1" "$2" "$3" "$4" >>"$manifest"; }
own() { # MODE OWNER GROUP PATH
  if live; then chown "$2:$3" "$4" && chmod "$1" "$4"; fi
  record "$@"
}
folder() { install -d -m "$1" "$root$4"; chmod "$1" "$root$4"; own "$@"; }
file() { install -m "$1" "$5" "$root$4"; own "$1" "$2" "$3" "$4"; }

# Accounts: the service's own, the departments' SFTP group (sshd's Match Group) and the analysts who read the export.
install -d -m 0755 "$root/usr/lib/sysusers.d"
file 0644 root root /usr/lib/sysusers.d/linkservice.conf "$here/sysusers.conf"
if live; then
  systemd-sysusers /usr/lib/sysusers.d/linkservice.conf
fi

# The program: root's, read-only to everyone else, replaced whole on an upgrade.
rm -rf "$root$prefix.new"
mkdir -p "$root$prefix.new"
cp -a "$release/." "$root$prefix.new/"
chmod -R u+rwX,go+rX,go-w "$root$prefix.new"
if live; then chown -R root:root "$prefix.new"; fi
rm -rf "$root$prefix"
mv "$root$prefix.new" "$root$prefix"
record 0755 root root "$prefix"

# The configuration: the service reads it, nobody else (departments and analysts never see it); only root edits it.
if [ ! -f "$root$config/appsettings.json" ]; then
  install -d -m 0750 "$root$config"
  cp -r "$repo/config/." "$root$config/"
  sed -i "s|\"var/drop\"|\"$drop\"|; s|\"var/work\"|\"$work\"|; s|\"var/export\"|\"$export_root\"|" "$root$config/appsettings.json"
fi
folder 0750 root "$service" "$config"
for sub in sources schemas projects; do folder 0750 root "$service" "$config/$sub"; done
find "$root$config" -type f -exec chmod 0640 {} +
if live; then chown -R "root:$service" "$config"; fi

# The service's folders (README "What a custodian sees"). /var/lib/linkservice is only a way through: work is the
# service's alone; the export is the analysts' to read (setgid, so every output takes the analysts' group).
folder 0755 root root "$state"
folder 0700 "$service" "$service" "$work"
folder 2750 "$service" "$analysts" "$export_root"

# Each department's folder is its sshd chroot, root's (sshd insists). The service cannot create them itself, so
# every configured source gets its folders here; add-department.sh gives the inbox to the department's account.
folder 0755 root root /srv/linkservice
folder 0755 root root "$drop"
for source_file in "$root$config"/sources/*.json; do
  [ -e "$source_file" ] || continue
  source_name=$(basename "$source_file" .json)
  inbox_owner=$service
  if live && id "$source_name" >/dev/null 2>&1; then inbox_owner=$source_name; fi
  folder 0755 root root "$drop/$source_name"
  folder 2770 "$inbox_owner" "$service" "$drop/$source_name/inbox"
  folder 2750 "$service" "$departments" "$drop/$source_name/outbox"
done

# `linkservice` on the PATH, as the service account; the unit and the sshd snippet.
install -d -m 0755 "$root/usr/local/bin" "$root/etc/systemd/system" "$root/etc/ssh/sshd_config.d"
file 0755 root root /usr/local/bin/linkservice "$here/linkservice-wrapper.sh"
file 0644 root root /etc/systemd/system/linkservice.service "$here/linkservice.service"
file 0644 root root /etc/ssh/sshd_config.d/linkservice.conf "$here/sshd_config.d/linkservice.conf"
folder 0755 root root /etc/ssh/linkservice
folder 0755 root root "$ssh_keys"

sort -k4 "$manifest" | uniq >"$root$prefix/install-manifest"
chmod 0644 "$root$prefix/install-manifest"

if ! live; then
  echo "Installed into $root. Owners are in $prefix/install-manifest; accounts in /usr/lib/sysusers.d/linkservice.conf."
  exit 0
fi

systemctl daemon-reload || echo "systemctl daemon-reload failed: is systemd running here?" >&2
if [ ! -f "$work/keys/master.key" ]; then
  /usr/local/bin/linkservice keys init
fi
if command -v sshd >/dev/null && ! sshd -t; then
  echo "sshd -t found a problem: fix it before reloading sshd." >&2
fi
echo "Installed. Next: add each department (install/linux/add-department.sh SOURCE KEY.pub), reload sshd,"
echo "edit $config, check it with 'linkservice check-config', then 'systemctl enable --now linkservice'."
echo "Back up $work/keys/master.key offline."

#!/usr/bin/env bash
# Creates one department: its SFTP-only account, its drop folder, its authorised key and a stub of its source's
# configuration. Run as root, once per source, after install.sh:
#   sudo install/linux/add-department.sh justice justice_key.pub
# The account is named after the source (the sshd snippet chroots %u into /srv/linkservice/drop/%u). The SFTP tests
# run it too, with DROP_ROOT, SERVICE_USER, SERVICE_GROUP and ACCOUNT pointing at their own folders and account.
#
#   $DROP_ROOT/<source>          root:root 0755. The account's chroot: sshd requires it root's and writable by no
#                                one else, so the department can rename, replace or link nothing in it.
#   $DROP_ROOT/<source>/inbox    <account>:<service group> 2770. The department uploads here. setgid gives uploads
#                                the service's group, and `-u 0007` in the sshd snippet makes them group readable
#                                and writable, so the service can read them and take them away.
#   $DROP_ROOT/<source>/outbox   <service user>:<departments group> 2750. Receipts (and the source's contract): the
#                                service writes, the department reads; setgid gives receipts the departments' group.
#   $KEYS_DIR/<account>          root:root 0644. The department's public key(s); root's, so the department cannot
#                                add keys, and outside the chroot, so it cannot even see them.
#   $CONFIG_DIR/sources/<source>.json.new   a stub to complete and rename to <source>.json (never loaded as it is,
#                                so adding a department cannot stop the service on its next start).
set -euo pipefail

source_name=${1:?usage: add-department.sh SOURCE [PUBLIC_KEY_FILE]}
key=${2:-}
case $source_name in
  *[!a-z0-9_-]*|-*|'') echo "add-department.sh: a source name is lower-case letters, digits, - and _." >&2; exit 2 ;;
esac
account=${ACCOUNT:-$source_name}
drop=${DROP_ROOT:-/srv/linkservice/drop}
keys=${KEYS_DIR:-/etc/ssh/linkservice/authorized_keys}
config=${CONFIG_DIR:-/etc/linkservice}
service_user=${SERVICE_USER:-linkservice}
service_group=${SERVICE_GROUP:-linkservice}
departments=${DEPARTMENTS_GROUP:-linkservice-departments}
if [ -n "$key" ] && ! ssh-keygen -l -f "$key" >/dev/null 2>&1; then
  echo "add-department.sh: $key is not an OpenSSH public key." >&2
  exit 2
fi

getent group "$departments" >/dev/null || groupadd --system "$departments"
id "$account" >/dev/null 2>&1 || useradd --system --gid "$departments" --home-dir / --no-create-home --shell /usr/sbin/nologin "$account"
usermod -a -G "$departments" "$account"
# No password, but not locked: without PAM, sshd turns a locked account away even with a key.
usermod -p '*' "$account"

install -d -m 0755 -o root -g root "$drop" "$drop/$source_name"
install -d -m 2770 -o "$account" -g "$service_group" "$drop/$source_name/inbox"
install -d -m 2750 -o "$service_user" -g "$departments" "$drop/$source_name/outbox"

if [ -n "$key" ]; then
  install -d -m 0755 -o root -g root "$keys"
  install -m 0644 -o root -g root "$key" "$keys/$account"
fi

stub=
if [ -d "$config/sources" ] && [ ! -e "$config/sources/$source_name.json" ]; then
  stub=$config/sources/$source_name.json.new
  if [ ! -e "$stub" ]; then
    cat >"$stub" <<STUB
{
  "description": "$source_name: what the department delivers, and how often.",
  "schema": "$source_name",
  "filePattern": "${source_name}_*.csv",
  "dialect": { "delimiter": ",", "quote": "\"", "header": true, "encoding": "utf-8" },
  "completion": { "quietPeriod": "00:00:30", "signal": "quiet" },
  "errorTolerance": { "mode": "reject" }
}
STUB
    chown "root:$service_group" "$stub"
    chmod 0640 "$stub"
  fi
fi

echo "Department '$source_name': account '$account', uploads to $drop/$source_name/inbox, receipts in $drop/$source_name/outbox."
[ -n "$key" ] || echo "No key given: put its public key in $keys/$account (root's, 0644)."
if [ -n "$stub" ]; then
  echo "Complete $stub (and its schema in $config/schemas/), rename it to $source_name.json,"
  echo "check with 'linkservice check-config', then 'systemctl restart linkservice'."
fi

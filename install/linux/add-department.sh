#!/usr/bin/env bash
# Creates one department's SFTP account and folders. Run as root, once per source:
#   sudo install/linux/add-department.sh justice            # account 'justice' for source 'justice'
# then put the department's public key where sshd's AuthorizedKeysFile says (by default ~justice/.ssh/).
# The SFTP tests run it too, with DROP_ROOT, SERVICE_USER and SERVICE_GROUP pointing at their own folders.
#
#   $DROP_ROOT/<source>          root:root 0755. The account's chroot: sshd requires it root's and writable by no
#                                one else, so the department can rename, replace or link nothing in it.
#   $DROP_ROOT/<source>/inbox    <account>:<service group> 2770. The department uploads here. setgid gives uploads
#                                the service's group, and `-u 0007` in the sshd snippet makes them group readable
#                                and writable, so the service can read them and take them away.
#   $DROP_ROOT/<source>/outbox   <service user>:<departments group> 2750. Receipts (and the source's contract): the
#                                service writes, the department reads; setgid gives receipts the departments' group.
set -euo pipefail

source_name=${1:?usage: add-department.sh SOURCE [ACCOUNT]}
account=${2:-$source_name}
drop=${DROP_ROOT:-/srv/linkservice/drop}
service_user=${SERVICE_USER:-linkservice}
service_group=${SERVICE_GROUP:-linkservice}
departments=${DEPARTMENTS_GROUP:-linkservice-departments}

getent group "$departments" >/dev/null || groupadd --system "$departments"
id "$account" >/dev/null 2>&1 || useradd --system --gid "$departments" --no-create-home --shell /usr/sbin/nologin "$account"
usermod -a -G "$departments" "$account"
# No password, but not locked: without PAM, sshd turns a locked account away even with a key.
usermod -p '*' "$account"

install -d -m 0755 -o root -g root "$drop" "$drop/$source_name"
install -d -m 2770 -o "$account" -g "$service_group" "$drop/$source_name/inbox"
install -d -m 2750 -o "$service_user" -g "$departments" "$drop/$source_name/outbox"
echo "Department '$source_name': account '$account', uploads to $drop/$source_name/inbox, receipts in $drop/$source_name/outbox."

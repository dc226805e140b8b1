#!/usr/bin/env bash
# Removes LinkService installed by install.sh. Run as root:
#   sudo install/linux/uninstall.sh            the program, unit, wrapper and sshd snippet; data and accounts stay
#   sudo install/linux/uninstall.sh --purge    also the configuration, work (ledger, store, master key), export,
#                                              the drop folders, the department accounts and the service's accounts
#   install/linux/uninstall.sh --root DIR [--purge]   the same inside DIR (no systemctl, no accounts)
set -euo pipefail

root=${DESTDIR:-}
purge=no
while [ $# -gt 0 ]; do
  case $1 in
    --root) root=${2:?--root needs a folder}; shift 2 ;;
    --root=*) root=${1#--root=}; shift ;;
    --purge) purge=yes; shift ;;
    *) echo "usage: uninstall.sh [--root DIR] [--purge]" >&2; exit 2 ;;
  esac
done
live() { [ -z "$root" ]; }

if live; then
  systemctl disable --now linkservice.service 2>/dev/null || true
fi
rm -rf "$root/opt/linkservice"
rm -f "$root/usr/local/bin/linkservice" "$root/etc/systemd/system/linkservice.service" \
  "$root/etc/ssh/sshd_config.d/linkservice.conf"
if live; then
  systemctl daemon-reload || echo "systemctl daemon-reload failed: is systemd running here?" >&2
  echo "Removed the sshd snippet: reload sshd."
fi

if [ "$purge" = no ]; then
  echo "Kept /etc/linkservice, /var/lib/linkservice (ledger, store, master key), /srv/linkservice and the accounts."
  echo "Run with --purge to remove them too."
  exit 0
fi

if live; then
  # The department accounts are the members of the departments' group whose primary group it is.
  gid=$(getent group linkservice-departments | cut -d: -f3 || true)
  if [ -n "$gid" ]; then
    getent passwd | awk -F: -v gid="$gid" '$4 == gid { print $1 }' | while read -r account; do userdel "$account"; done
  fi
  id linkservice >/dev/null 2>&1 && userdel linkservice
  for group in linkservice linkservice-departments analysts; do
    getent group "$group" >/dev/null && groupdel "$group"
  done
fi
rm -rf "$root/etc/linkservice" "$root/var/lib/linkservice" "$root/srv/linkservice" "$root/etc/ssh/linkservice" \
  "$root/usr/lib/sysusers.d/linkservice.conf"
echo "Purged LinkService's configuration, data, drop folders and accounts."

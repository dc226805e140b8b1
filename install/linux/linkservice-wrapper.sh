#!/bin/sh
# /usr/local/bin/linkservice (installed by install/linux/install.sh): LinkService's command line, run as the service
# account on the installed configuration, so that what a command writes in work/ stays the service's own and the
# master key stays readable by that account alone. Run it as root (sudo linkservice status) or as linkservice.
set -e
program=/opt/linkservice/linkservice
account=linkservice

# The installed configuration unless the command names another.
given=no
for argument in "$@"; do
  case $argument in --config|--config=*) given=yes ;; esac
done
if [ "$given" = no ]; then set -- "$@" --config /etc/linkservice; fi

# As the unit: what the service writes is readable by the folder's group (departments, analysts), never by others.
umask 0027
if [ "$(id -un)" = "$account" ]; then
  exec "$program" "$@"
elif [ "$(id -u)" = 0 ]; then
  exec runuser -u "$account" -- env HOME=/var/lib/linkservice "$program" "$@"
fi
echo "linkservice: run it as root (sudo linkservice ...) or as the $account account." >&2
exit 2

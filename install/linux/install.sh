#!/usr/bin/env bash
# Installs LinkService as a systemd service. Run as root from the repository root:
#   sudo install/linux/install.sh
# Then edit /etc/linkservice, check it with `linkservice check-config --config /etc/linkservice`,
# and start it with `systemctl enable --now linkservice`.
set -euo pipefail

prefix=/opt/linkservice
config=/etc/linkservice
state=/var/lib/linkservice
drop=/srv/linkservice/drop
export=/srv/linkservice/export

id linkservice >/dev/null 2>&1 || useradd --system --home-dir "$state" --shell /usr/sbin/nologin linkservice
getent group linkservice-departments >/dev/null || groupadd --system linkservice-departments
# Analysts read published outputs through this group: add their accounts to it (usermod -aG linkservice-analysts <user>).
getent group linkservice-analysts >/dev/null || groupadd --system linkservice-analysts

dotnet publish src/LinkService -c Release -o "$prefix" --nologo
install -d -m 0750 -o root -g linkservice "$config"
if [ ! -f "$config/appsettings.json" ]; then
  cp -r config/. "$config/"
  # Production folders: the drop root holds each department's chroot (add-department.sh); work is private.
  sed -i "s|\"var/drop\"|\"$drop\"|; s|\"var/work\"|\"$state/work\"|; s|\"var/export\"|\"$export\"|" "$config/appsettings.json"
fi
chown -R root:linkservice "$config"
install -d -m 0750 -o linkservice -g linkservice "$state" "$state/work"
install -d -m 0755 -o root -g root /srv/linkservice "$drop"
# The export folder: written by the service alone, read by the analysts' group. setgid (the 2), so every output
# folder and file the service publishes below it takes the group; the service makes them 0750 and 0640 itself.
install -d -m 2750 -o linkservice -g linkservice-analysts "$export"

install -m 0644 install/linux/linkservice.service /etc/systemd/system/linkservice.service
if [ -d /etc/ssh/sshd_config.d ] && [ -f install/linux/sshd_config.d/linkservice.conf ]; then
  install -m 0644 install/linux/sshd_config.d/linkservice.conf /etc/ssh/sshd_config.d/linkservice.conf
  echo "Installed the SFTP snippet; check it with 'sshd -t' and reload sshd."
  echo "Create each department's account and folders with: install/linux/add-department.sh <source>"
fi
systemctl daemon-reload
sudo -u linkservice "$prefix/linkservice" keys init --config "$config" || true
echo "Installed. Edit $config, run 'linkservice check-config --config $config', then 'systemctl enable --now linkservice'."

#!/bin/sh
# Installs what urlshot needs to build, test and run on Debian 12, as root.
# The one list of packages: the README's commands and CI both call this script.
set -eu
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends \
    ca-certificates g++ cmake ninja-build \
    qt6-base-dev qt6-webengine-dev qt6-httpserver-dev qt6-websockets-dev \
    libqt6sql6-sqlite qt6-tools-dev qt6-l10n-tools qt6-image-formats-plugins \
    fonts-dejavu-core

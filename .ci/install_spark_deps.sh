#!/usr/bin/env bash
# Install a Java runtime for the Spark tests (pyspark needs Java 17+), only where `java` is missing.
# Debian/Ubuntu only (apt-get); runs non-interactively; exits non-zero if Java is still missing afterwards.
set -euo pipefail

if command -v java >/dev/null 2>&1; then
    echo "java found: $(command -v java)"
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "java is missing and apt-get is not available: install a Java 17+ runtime by hand" >&2
    exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
        echo "java is missing; installing it needs root (no sudo available)" >&2
        exit 1
    fi
    SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends openjdk-17-jre-headless

if ! command -v java >/dev/null 2>&1; then
    echo "openjdk-17-jre-headless was installed but java is still not on PATH" >&2
    exit 1
fi
java -version

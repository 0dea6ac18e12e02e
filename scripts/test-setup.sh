#!/usr/bin/env bash
# What the tests need beyond Python packages: Debian's chromium and chromedriver for the browser tests,
# a PostgreSQL server binary for the store tests, Java 17 for Spark in local mode. Installs only what is
# missing.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v java >/dev/null 2>&1 || [ -n "${JAVA_HOME:-}" ] || need+=(openjdk-17-jre-headless)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing ${need[*]} (Debian packages)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "missing ${need[*]}: install them with apt-get (as root) or those tests will skip" >&2
  fi
fi

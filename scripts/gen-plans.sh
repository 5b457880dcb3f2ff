#!/usr/bin/env bash
# Regenerates testdata/plans/*/plan.json with the real terraform: for each plan fixture
# (a root module: main.tf, maybe modules/), copy it to a temporary directory, add a
# provider "aws" block that never talks to AWS and required_providers, then
#   terraform init -plugin-dir=<mirror> -input=false
#   terraform plan -refresh=false -input=false -out=tfplan
#   terraform show -json tfplan | python3 -m json.tool > plan.json
# and copy plan.json back (pretty-printed so line numbers in it mean something).
#
# The mock credentials are given through the environment (AWS_ACCESS_KEY_ID=
# mock_access_key, AWS_SECRET_ACCESS_KEY=mock_secret_key), not as provider arguments:
# `terraform show -json` copies every provider argument into the plan's
# configuration.provider_config, and a literal access_key/secret_key there would be a
# BL303 finding in the very plans the tests lint. The provider block keeps region
# us-east-1 and skip_credentials_validation / skip_requesting_account_id /
# skip_metadata_api_check = true. The strings are not shaped like AWS key ids.
#
# Usage: scripts/gen-plans.sh [NAME...]   (default: every testdata/plans/*/)
# The provider mirror is $TF_PLUGIN_DIR or the first of /opt/tf-plugins,
# ~/.terraform.d/plugins that exists.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
command -v terraform >/dev/null 2>&1 || { echo "error: terraform not found on PATH" >&2; exit 1; }

plugin_dir="${TF_PLUGIN_DIR:-}"
if [ -z "$plugin_dir" ]; then
  for d in /opt/tf-plugins "$HOME/.terraform.d/plugins"; do
    if [ -d "$d" ]; then plugin_dir="$d"; break; fi
  done
fi
[ -n "$plugin_dir" ] && [ -d "$plugin_dir" ] || {
  echo "error: no provider mirror found; set TF_PLUGIN_DIR to a filesystem mirror holding hashicorp/aws" >&2
  exit 1
}

if [ -n "${TF_CLI_CONFIG_FILE:-}" ] && [ ! -f "$TF_CLI_CONFIG_FILE" ]; then
  unset TF_CLI_CONFIG_FILE
fi
export TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
export AWS_ACCESS_KEY_ID=mock_access_key AWS_SECRET_ACCESS_KEY=mock_secret_key
unset AWS_SESSION_TOKEN AWS_PROFILE AWS_DEFAULT_PROFILE

tmp="$(mktemp -d "${TMPDIR:-/tmp}/bedrock-lint-plans.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
export TF_PLUGIN_CACHE_DIR="${TF_PLUGIN_CACHE_DIR:-$tmp/plugin-cache}"
mkdir -p "$TF_PLUGIN_CACHE_DIR"

if [ $# -gt 0 ]; then
  dirs=()
  for n in "$@"; do dirs+=("$root/testdata/plans/${n%/}"); done
else
  dirs=("$root"/testdata/plans/*/)
fi

provider_tf='provider "aws" {
  region                      = "us-east-1"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}'
versions_tf='terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}'

status=0
for dir in "${dirs[@]}"; do
  dir="${dir%/}"
  name="$(basename "$dir")"
  [ -d "$dir" ] || { echo "error: $dir is not a directory" >&2; status=1; continue; }
  work="$tmp/$name"
  cp -R "$dir" "$work"
  rm -rf "$work/.terraform" "$work/.terraform.lock.hcl" "$work/plan.json" "$work/tfplan"
  printf '%s\n' "$provider_tf" >"$work/zz_gen_plans_provider.tf"
  grep -rqs --include='*.tf' 'required_providers' "$work" \
    || printf '%s\n' "$versions_tf" >"$work/zz_gen_plans_versions.tf"
  log="$tmp/$name.log"
  if (cd "$work" \
      && terraform init -plugin-dir="$plugin_dir" -input=false -no-color \
      && terraform plan -refresh=false -input=false -out=tfplan -no-color \
      && terraform show -json tfplan >plan.raw.json \
      && python3 -m json.tool plan.raw.json >plan.json) >"$log" 2>&1; then
    cp "$work/plan.json" "$dir/plan.json"
    echo "ok      testdata/plans/$name/plan.json ($(wc -l <"$dir/plan.json") lines)"
  else
    echo "FAILED  testdata/plans/$name"
    sed 's/^/    /' "$log"
    status=1
  fi
done
exit $status

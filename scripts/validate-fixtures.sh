#!/usr/bin/env bash
# Runs `terraform validate` on every HCL fixture root module, so that fixtures stay real
# Terraform (a linter tested on configurations Terraform rejects proves little).
#
# Root modules checked: testdata/cases/*, testdata/real-world/*, testdata/example/envs/*, testdata/plans/*.
# A case directory holding .tf/.tf.json files is one root; a case without any (a repo
# layout such as envs/dev + envs/prod + modules/x) contributes each folder that holds
# Terraform files and is not under a `modules/` folder. Cases listed in
# testdata/validate-skip.txt (deliberately malformed, named bl900-*; or about a registry
# module that is not installed, named *-uninstalled-module: init would download it) are skipped.
#
# Each root is copied to a temporary directory (the whole case, so `../../modules/x`
# sources resolve), given a versions.tf with `required_providers { aws = hashicorp/aws }`
# when it declares none, then `terraform init -plugin-dir=<mirror> -input=false
# -backend=false` and `terraform validate -no-color`.
#
# Modes:
#   (default)  batch: one temporary root calls every fixture root as a module, with every
#              input variable set to an unknown value (as `terraform validate` treats a
#              root's variables), so the AWS provider schema is loaded once: ~10 s
#              instead of ~2 s per root.
#   --each     one init + validate per root, exactly as described above (slower; use it
#              to confirm a batch failure in isolation).
#
# The provider mirror is $TF_PLUGIN_DIR or the first of /opt/tf-plugins,
# ~/.terraform.d/plugins that exists. Prints `skipped: terraform not found` and exits 0
# when terraform is absent.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
mode="batch"
case "${1:-}" in
  "") ;;
  --each) mode="each" ;;
  -h|--help) sed -n '2,27p' "$0"; exit 0 ;;
  *) echo "usage: $0 [--each]" >&2; exit 2 ;;
esac

if ! command -v terraform >/dev/null 2>&1; then
  echo "skipped: terraform not found"
  exit 0
fi

plugin_dir="${TF_PLUGIN_DIR:-}"
if [ -z "$plugin_dir" ]; then
  for d in /opt/tf-plugins "$HOME/.terraform.d/plugins"; do
    if [ -d "$d" ]; then plugin_dir="$d"; break; fi
  done
fi
if [ -z "$plugin_dir" ] || [ ! -d "$plugin_dir" ]; then
  echo "error: no provider mirror found; set TF_PLUGIN_DIR to a filesystem mirror holding hashicorp/aws" >&2
  exit 1
fi

# A CLI config path that does not exist only produces a warning on every command.
if [ -n "${TF_CLI_CONFIG_FILE:-}" ] && [ ! -f "$TF_CLI_CONFIG_FILE" ]; then
  unset TF_CLI_CONFIG_FILE
fi
export TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1

tmp="$(mktemp -d "${TMPDIR:-/tmp}/bedrock-lint-validate.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
export TF_PLUGIN_CACHE_DIR="${TF_PLUGIN_CACHE_DIR:-$tmp/plugin-cache}"
mkdir -p "$TF_PLUGIN_CACHE_DIR"

# ---- which directories are root modules ------------------------------------------------

skip_file="$root/testdata/validate-skip.txt"
declare -A skip=()
if [ -f "$skip_file" ]; then
  while IFS= read -r line || [ -n "$line" ]; do
    line="${line%%#*}"; line="$(echo "$line" | xargs)"
    [ -z "$line" ] && continue
    line="${line#testdata/}"; line="${line%/}"
    case "$(basename "$line")" in
      bl900-*|*-uninstalled-module) ;;
      *) echo "error: $skip_file lists $line; only deliberately malformed cases (bl900-*) and cases about uninstalled registry modules (*-uninstalled-module) may be skipped" >&2; exit 1 ;;
    esac
    skip["$line"]=1
  done <"$skip_file"
fi

has_tf() { compgen -G "$1/*.tf" >/dev/null || compgen -G "$1/*.tf.json" >/dev/null; }

roots=()               # root module paths, relative to testdata/
skipped=()
declare -A tree_of=()  # root -> the tree copied with it (so ../../modules/x resolves)
add_tree() { # $1: a case (or the example) relative to testdata/; $2: where roots may be
  local c="$1" d
  if [ -n "${skip[$c]:-}" ]; then skipped+=("$c"); return; fi
  if has_tf "$root/testdata/$c"; then roots+=("$c"); tree_of[$c]="$c"; return; fi
  while IFS= read -r d; do
    d="${d#"$root/testdata/"}"
    case "/${d#"$c/"}/" in */modules/*|*/.terraform/*) continue ;; esac
    if [ -n "${skip[$d]:-}" ]; then skipped+=("$d"); continue; fi
    if has_tf "$root/testdata/$d"; then roots+=("$d"); tree_of[$d]="$c"; fi
  done < <(find "$root/testdata/$2" -mindepth 1 -type d | sort)
}
for c in "$root"/testdata/cases/*/ "$root"/testdata/real-world/*/ "$root"/testdata/plans/*/; do
  [ -d "$c" ] || continue
  c="${c%/}"; c="${c#"$root/testdata/"}"
  add_tree "$c" "$c"
done
[ -d "$root/testdata/example/envs" ] && add_tree example example/envs

if [ ${#roots[@]} -eq 0 ]; then
  echo "error: no fixture root modules found under testdata/" >&2
  exit 1
fi

declares_providers() { cat "$1"/*.tf "$1"/*.tf.json 2>/dev/null | grep -q 'required_providers'; }

versions_tf='terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}'

# Variable names declared by a module directory (HCL and JSON), for the batch wrapper.
variables_of() {
  python3 - "$1" <<'PY'
import json, pathlib, re, sys
d = pathlib.Path(sys.argv[1])
names = set()
for f in sorted(d.glob("*.tf")):
    text = f.read_text(encoding="utf-8", errors="replace")
    names.update(re.findall(r'^\s*variable\s+"([^"]+)"', text, re.M))
for f in sorted(d.glob("*.tf.json")):
    try:
        v = json.loads(f.read_text(encoding="utf-8")).get("variable", {})
    except Exception:
        continue
    if isinstance(v, dict):
        names.update(v.keys())
    elif isinstance(v, list):
        for item in v:
            names.update(item.keys())
print("\n".join(sorted(names)))
PY
}

tf() { # quiet terraform, output kept for failures
  terraform "$@" -no-color >"$tmp/out.txt" 2>&1
}

failed=0
start=$SECONDS

if [ "$mode" = "each" ]; then
  for r in "${roots[@]}"; do
    work="$tmp/each/$(echo "$r" | tr '/' '_')"
    c="${tree_of[$r]}"
    mkdir -p "$work/$(dirname "$c")"
    cp -R "$root/testdata/$c" "$work/$c"
    rm -rf "$work/$c/.terraform" "$work/$c/.terraform.lock.hcl"
    dir="$work/$r"
    declares_providers "$dir" || printf '%s\n' "$versions_tf" >"$dir/versions.tf"
    if (cd "$dir" && tf init -plugin-dir="$plugin_dir" -input=false -backend=false \
        && terraform validate -no-color >"$tmp/out.txt" 2>&1); then
      echo "ok      $r"
    else
      echo "FAILED  $r"; sed 's/^/    /' "$tmp/out.txt"; failed=1
    fi
    rm -rf "$work"
  done
else
  batch="$tmp/batch"
  mkdir -p "$batch"
  {
    printf '%s\n\n' "$versions_tf"
    echo '# `terraform validate` treats root input variables as unknown: every fixture input'
    echo '# gets this unknown value, so each fixture sees what it would see as a root.'
    echo 'variable "unknown" {'
    echo '  type = any'
    echo '}'
  } >"$batch/main.tf"
  declare -A copied=()
  i=0
  for r in "${roots[@]}"; do
    c="${tree_of[$r]}"
    if [ -z "${copied[$c]:-}" ]; then
      mkdir -p "$batch/fixtures/$(dirname "$c")"
      cp -R "$root/testdata/$c" "$batch/fixtures/$c"
      rm -rf "$batch/fixtures/$c/.terraform" "$batch/fixtures/$c/.terraform.lock.hcl"
      copied[$c]=1
    fi
    i=$((i + 1))
    {
      echo
      echo "module \"f${i}\" { # $r"
      echo "  source = \"./fixtures/$r\""
      while IFS= read -r v; do
        [ -n "$v" ] && echo "  $v = var.unknown"
      done < <(variables_of "$batch/fixtures/$r")
      echo "}"
    } >>"$batch/main.tf"
  done
  if (cd "$batch" && tf init -plugin-dir="$plugin_dir" -input=false -backend=false \
      && terraform validate -no-color >"$tmp/out.txt" 2>&1); then
    for r in "${roots[@]}"; do echo "ok      $r"; done
    grep -q "Warning" "$tmp/out.txt" && sed 's/^/    /' "$tmp/out.txt" || true
  else
    # Name fixture paths the way they are in the repository.
    grep -v -E '^(- f[0-9]+|Initializing modules)' "$tmp/out.txt" \
      | sed -e "s#fixtures/#testdata/#g" -e 's/^/    /'
    echo "FAILED  batch validation (re-run with --each to check one root at a time)"
    failed=1
  fi
fi

for s in "${skipped[@]}"; do echo "skipped $s (testdata/validate-skip.txt)"; done
echo "${#roots[@]} root modules, ${#skipped[@]} skipped, $((SECONDS - start)) s"
exit $failed

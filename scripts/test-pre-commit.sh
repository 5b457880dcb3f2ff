#!/usr/bin/env bash
# Tests .pre-commit-hooks.yaml with the real pre-commit:
#   1. a Terraform repo with a known BL101 violation: the hook FAILS and prints BL101;
#   2. the same repo after the fix: the hook passes.
#
# `pre-commit try-repo` installs the hook from the repository's HEAD; on a dirty
# tree it makes a shadow commit of *tracked* changes only (untracked files are left
# out). So this script copies the working tree (tracked + untracked, minus ignored
# files such as target/) to a temporary repository and commits it there: the hook
# under test is exactly what is in the working tree.
#
# Needs git, cargo and python3 (pre-commit is pip-installed when missing).
# CARGO_TARGET_DIR is shared between the two runs so the second build is incremental.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/bedrock-lint-pre-commit.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

if ! command -v pre-commit >/dev/null 2>&1; then
  python3 -m pip install --quiet pre-commit
fi
pre_commit=(pre-commit)
command -v pre-commit >/dev/null 2>&1 || pre_commit=(python3 -m pre_commit)

git_quiet() { git -c user.name=test -c user.email=test@example.invalid -c commit.gpgsign=false "$@" >/dev/null; }

# 1. The hook repository: a committed copy of the working tree.
hook_repo="$tmp/hook-repo"
mkdir -p "$hook_repo"
(cd "$root" && git ls-files -z --cached --others --exclude-standard \
  | xargs -0 -I{} sh -c 'test -e "$1" && printf "%s\0" "$1" || true' _ {} \
  | tar --null -T - -cf -) | (cd "$hook_repo" && tar -xf -)
git_quiet -C "$hook_repo" init -q
git_quiet -C "$hook_repo" add -A
git_quiet -C "$hook_repo" commit -q -m "hook under test"

# 2. A Terraform repository with a known violation.
tf_repo="$tmp/tf-repo"
mkdir -p "$tf_repo"
cat >"$tf_repo/main.tf" <<'EOF'
resource "aws_iam_role" "app" {
  name = "app"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "invoke" {
  name = "invoke"
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = "*"
    }]
  })
}
EOF
cat >"$tf_repo/.bedrock-lint.hcl" <<'EOF'
approved_models    = ["anthropic.claude-3-5-sonnet-20240620-v1:0"]
approved_regions   = ["us-east-1"]
invocation_logging = "external"
EOF
git_quiet -C "$tf_repo" init -q
git_quiet -C "$tf_repo" add -A
git_quiet -C "$tf_repo" commit -q -m "terraform"

export PRE_COMMIT_HOME="$tmp/pre-commit-home"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR_PRE_COMMIT:-$tmp/target}"
export BEDROCK_LINT_TODAY="${BEDROCK_LINT_TODAY:-2026-11-29}"

run_hook() {
  (cd "$tf_repo" && "${pre_commit[@]}" try-repo "$hook_repo" bedrock-lint --all-files --color never) >"$tmp/out" 2>&1
}

start=$SECONDS
if run_hook; then
  cat "$tmp/out"
  echo "FAIL: the hook passed on a tree with a BL101 violation" >&2
  exit 1
fi
if ! grep -q 'main.tf:21:18: error\[BL101\]' "$tmp/out"; then
  cat "$tmp/out"
  echo "FAIL: the hook failed but did not report BL101 at main.tf:21:18" >&2
  exit 1
fi
echo "ok: the hook fails on the violation ($((SECONDS - start))s)"

# 3. Fix the file the way the docs say, and the hook passes.
if (cd "$tf_repo" && "$CARGO_TARGET_DIR/release/bedrock-lint" --fix --unsafe-fixes >/dev/null 2>&1); then
  echo "fixed with bedrock-lint --fix --unsafe-fixes"
else
  sed -i.bak 's|Resource = "\*"|Resource = ["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"]|' "$tf_repo/main.tf"
  echo "fixed with sed"
fi
rm -f "$tf_repo/main.tf.bak"
git_quiet -C "$tf_repo" commit -q -am "fix BL101"
start=$SECONDS
if ! run_hook; then
  cat "$tmp/out"
  echo "FAIL: the hook still fails after the fix" >&2
  exit 1
fi
echo "ok: the hook passes after the fix ($((SECONDS - start))s)"

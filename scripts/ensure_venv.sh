#!/usr/bin/env bash
# Creates or reuses a project virtual environment with tfgan_ext installed
# (editable, with its test and example extras) on one of the tested stacks.
#
#   scripts/ensure_venv.sh [modern|oldest]   -> prints nothing but progress;
#   the venv is .venv (modern) or .venv-oldest (oldest) at the repository root.
#
# The install is skipped when the venv's stamp matches the hash of the files
# that decide what is installed; delete the venv to force a rebuild.
set -euo pipefail
stack="${1:-modern}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
case "$stack" in
  modern) venv="$root/.venv" ;;
  oldest) venv="$root/.venv-oldest" ;;
  *) echo "ensure_venv.sh: unknown stack '$stack' (choose: modern, oldest)" >&2; exit 2 ;;
esac
python="${TFGAN_EXT_PYTHON:-python3.11}"
command -v "$python" >/dev/null 2>&1 || python=python3
constraints="$root/requirements/$stack.txt"
stamp_src=$(cat "$constraints" "$root/setup.cfg" "$root/setup.py" "$root/pyproject.toml" \
  "$root/tfgan_ext_import_hook.pth" | sha256sum | cut -c1-16)
stamp="$venv/.tfgan_ext_stamp"
if [ -x "$venv/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$stamp_src" ]; then
  exit 0
fi
echo "[ensure_venv] setting up $venv ($stack stack; about 1-2 minutes)" >&2
[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
pip=("$venv/bin/python" -m pip --disable-pip-version-check --no-input)
"${pip[@]}" install -q --upgrade pip setuptools wheel 2>&1 | grep -v "is ignored" >&2 || true
"${pip[@]}" install -q -c "$constraints" -e "$root[test,examples]" 2>&1 | grep -v "is ignored" >&2 || true
# Verify rather than trust pip's exit status, which the filter above hides.
TFGAN_EXT_IMPORT_HOOK=0 "$venv/bin/python" - <<'PY'
import importlib, sys
for name in ("tensorflow", "tensorflow_probability", "tensorflow_gan", "pytest", "tfgan_ext_import_hook"):
    if importlib.util.find_spec(name) is None:
        sys.exit("[ensure_venv] %s is missing after pip install; see the messages above" % name)
PY
echo "$stamp_src" > "$stamp"

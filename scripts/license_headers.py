# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
r"""Adds (or checks) the license header of the repository's source files.

  python scripts/license_headers.py            # add it where it is missing
  python scripts/license_headers.py --check    # list files without it; exit 1
  python scripts/license_headers.py --exclude tfgan_ext/losses/ ...

Source files: the `.py`, `.sh`, `.bzl`, `BUILD` and `WORKSPACE` files git
knows (tracked, or untracked and not ignored), and executable scripts with a
shell shebang (`.ci/run`). The header goes first, after a shebang line if
there is one; running this again changes nothing.
"""

import argparse
import os
import subprocess
import sys

__all__ = ['HEADER', 'add_header', 'has_header', 'main', 'source_files']

HEADER = ('# Copyright 2026 The tfgan_ext Authors.\n'
          '# SPDX-License-Identifier: Apache-2.0\n')
_SUFFIXES = ('.py', '.sh', '.bzl')
_NAMES = ('BUILD', 'WORKSPACE')
_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _is_source(path):
  name = os.path.basename(path)
  if name.endswith(_SUFFIXES) or name in _NAMES:
    return True
  if os.path.splitext(name)[1] or not os.access(path, os.X_OK):
    return False
  with open(path, 'rb') as f:
    first = f.readline()
  return first.startswith(b'#!') and first.rstrip().endswith((b'sh', b'bash'))


def source_files(root=_ROOT, exclude=()):
  """Repository-relative paths of the source files, minus `exclude` prefixes."""
  listed = subprocess.run(
      ['git', 'ls-files', '--cached', '--others', '--exclude-standard'],
      cwd=root, check=True, capture_output=True, text=True).stdout.split()
  return sorted(p for p in dict.fromkeys(listed)
                if os.path.isfile(os.path.join(root, p))
                and not p.startswith(tuple(exclude))
                and _is_source(os.path.join(root, p)))


def has_header(text):
  """Whether `text` starts with HEADER (after a shebang line, if any)."""
  if text.startswith('#!'):
    text = text.split('\n', 1)[1] if '\n' in text else ''
  return text.startswith(HEADER)


def add_header(text):
  """`text` with HEADER first (after a shebang line); unchanged if present."""
  if has_header(text):
    return text
  if text.startswith('#!'):
    shebang, _, rest = text.partition('\n')
    return shebang + '\n' + HEADER + rest
  return HEADER + text


def main(argv=None):
  parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
  parser.add_argument('--check', action='store_true',
                      help='List the files without the header; exit 1 if any.')
  parser.add_argument('--exclude', action='append', default=[],
                      help='Leave paths starting with this out (repeatable).')
  args = parser.parse_args(argv)
  missing = []
  for path in source_files(exclude=args.exclude):
    full = os.path.join(_ROOT, path)
    with open(full, encoding='utf-8') as f:
      text = f.read()
    if has_header(text):
      continue
    missing.append(path)
    if not args.check:
      with open(full, 'w', encoding='utf-8') as f:
        f.write(add_header(text))
  for path in missing:
    print(('missing: ' if args.check else 'added: ') + path)
  return 1 if args.check and missing else 0


if __name__ == '__main__':
  sys.exit(main())

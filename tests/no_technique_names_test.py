# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""The trainers' shared code names no technique (issue 29).

Each technique is one object of `tfgan_ext.addons` that knows how to join
either trainer; the code that runs every add-on (GANModel and its train
step, its losses and checks) and the examples' shared code
(`examples/common`) add up what the add-ons give and name none of them. A
technique named there is one that bypasses its add-on: this test finds it.

The examples' own tests under examples/common are not searched: testing the
presets means naming the penalties they set.
"""

import glob
import os
import re

import pytest

_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

_KERAS_FILES = ('tfgan_ext/keras/model.py', 'tfgan_ext/keras/train_step.py',
                'tfgan_ext/keras/step_losses.py', 'tfgan_ext/keras/checks.py')


def _common_files():
  return sorted(
      os.path.relpath(path, _ROOT)
      for path in glob.glob(os.path.join(_ROOT, 'examples', 'common', '*'))
      if os.path.isfile(path) and not path.endswith(('_test.py', '.pyc')))


# The techniques' names as code and prose spell them, case-insensitively.
# Short names count only as words; '_' separates words (generator_ema,
# penalty_r1), letters and digits do not (schema, r10, adam).
_WORDS = ('ada', 'ema', 'r1', 'r2')
_SUBSTRINGS = ('lecam', 'top_k', 'top-k', 'topk', 'diffaugment', 'augment',
               'average', 'consistency', 'bcr', 'zcr', 'feature_matching',
               'feature matching', 'instance_noise', 'instance noise',
               'dragan', 'wgan', 'gradient_penalty')
_TECHNIQUE = re.compile(
    '|'.join([re.escape(s) for s in _SUBSTRINGS]
             + [r'(?<![a-z0-9])%s(?![a-z0-9])' % w for w in _WORDS]),
    re.IGNORECASE)


def _named(text):
  """[(line number, line)] of the lines of `text` naming a technique."""
  return [(number, line.strip())
          for number, line in enumerate(text.splitlines(), 1)
          if _TECHNIQUE.search(line)]


@pytest.mark.parametrize('line,named', [
    ('lecam = LeCam(0.3)', True),
    ('if hparams.generator_ema:', True),
    ('EMA of the weights', True),
    ("Penalty('R1', weight=5.0)", True),
    ('penalty_r2 = 1', True),
    ('tfgan_ext.addons.DiffAugment()', True),
    ('augmented = fn(data)', True),
    ('ADA adjusts p', True),
    ('TopK(epoch_steps=5)', True),
    ('a moving average', True),
    ('WGAN-GP: wasserstein_gradient_penalty', True),
    ('bCR and zCR', True),
    ('Feature matching', True),
    ('instance noise', True),
    ('DRAGAN', True),
    # Not a technique: words that merely contain the short names.
    ('schema = adam.ready(r10)', False),
    ('for part in self.parts: loss += part.generator_term(tensors, logs)',
     False),
    ('wasserstein', False),
])
def test_the_search_finds_what_it_should(line, named):
  assert bool(_named(line)) == named, line


def test_the_searched_files_exist():
  for path in _KERAS_FILES:
    assert os.path.isfile(os.path.join(_ROOT, path)), path
  common = _common_files()
  for name in ('hooks.py', 'hparams.py', 'logs.py', 'training.py'):
    assert os.path.join('examples', 'common', name) in common, name


@pytest.mark.parametrize('path', _KERAS_FILES + tuple(_common_files()))
def test_names_no_technique(path):
  with open(os.path.join(_ROOT, path), encoding='utf-8') as f:
    found = _named(f.read())
  assert not found, '%s names techniques:\n%s' % (path, '\n'.join(
      '%s:%d: %s' % (path, number, line) for number, line in found))

# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
r"""Records the examples' trained weights before the add-on redesign.

Run once, on main at 4dd5bf2 (before issue 29's redesign), to write
tests/golden/examples_golden.npz:

  .venv/bin/python -m tests.golden.record_examples

Each run is a tiny example run (3 steps, small networks, no eval) with many
technique flags at once, through each trainer, with TensorFlow's random ops
made stateless (`harness.stateless_random`). The example flags keep their
names across the redesign, so tests/golden/addons_golden_test.py trains the
same `HParams` with the new code and compares the checkpoints (or the Keras
generator's saved weights and the logged values).
"""

import os
import random
import tempfile

import numpy as np
import tensorflow as tf
from tf_keras.src import backend as tf_keras_backend

from examples.digits import train_lib as digits
from examples.toy2d import train_lib as toy2d
from tests.golden import harness

OUT = os.path.join(os.path.dirname(__file__), 'examples_golden.npz')

_DIGITS_TINY = dict(batch_size=8, grid_size=2, max_number_of_steps=3, noise_dims=4,
                    generator_channels=8, discriminator_channels=8,
                    log_every_n_steps=1, save_summaries_steps=100,
                    save_checkpoint_steps=100, eval=False)
_DIGITS_ADDONS = dict(gan_loss='hinge', penalty='r1', penalty_weight=5.0,
                      lecam_weight=0.3, lecam_start=1, augment='ada',
                      ada_interval=1, ada_speed_images=16, bcr_weight=10.0,
                      generator_ema=0.9, feature_matching_weight=1.0,
                      zcr_weight=5.0)

RUNS = {
    'toy2d_gan_train': (toy2d, dict(
        batch_size=16, max_number_of_steps=3, lr_decay_steps=0,
        generator_hidden=(8, 8), discriminator_hidden=(8, 8),
        log_every_n_steps=1, save_summaries_steps=100, eval=False,
        gan_loss='hinge', penalty='r1', penalty_every=2, zcr_weight=5.0,
        top_k_epoch_steps=1, top_k_gamma=0.5, generator_ema=0.9)),
    # ADA's p kept fixed over the 3 steps (interval 4): before the redesign,
    # the penalties' re-applications of D raced p's update in a TF-1 graph
    # (the recorded values moved with the machine's load), fixed since.
    'digits_gan_train': (digits, dict(_DIGITS_TINY, **dict(
        _DIGITS_ADDONS, ada_interval=4))),
    'digits_gan_train_diffaugment_top_k': (digits, dict(
        _DIGITS_TINY, gan_loss='hinge', penalty='dragan', penalty_weight=1.0,
        augment='diffaugment', top_k_epoch_steps=1, top_k_gamma=0.5)),
    'digits_estimator': (digits, dict(
        _DIGITS_TINY, batch_size=16, trainer='estimator', gan_loss='hinge', penalty='r1',
        penalty_weight=5.0, augment='diffaugment', generator_ema=0.9,
        lecam_weight=0.3, lecam_start=1)),
    'digits_keras': (digits, dict(_DIGITS_TINY, trainer='keras',
                                  **_DIGITS_ADDONS)),
}


def run(module, overrides, train_log_dir):
  """Trains one run; returns {name: array} of its checkpointed weights."""
  hparams = module.HParams(train_log_dir=train_log_dir, **overrides)
  # The TF-1 layers' initializers (tf-keras' legacy layers) draw unseeded
  # from Python's `random`: seed it (and NumPy) for a repeatable run. Once
  # tf_keras.utils.set_random_seed has run in the process (the Keras
  # trainer calls it), they draw from tf-keras' own generator instead:
  # unset it, as in the process that recorded these runs.
  random.seed(0)
  np.random.seed(0)
  tf_keras_backend._SEED_GENERATOR.generator = None  # pylint: disable=protected-access
  with harness.stateless_random():
    result = module.train(hparams)
  out = {}
  if overrides.get('trainer') == 'keras':
    for key, values in result['history'].items():
      out['log/%s' % key] = np.array(values, np.float64)
    import h5py  # pylint: disable=g-import-not-at-top
    with h5py.File(os.path.join(train_log_dir, 'generator.weights.h5')) as f:
      f.visititems(lambda name, item: out.__setitem__(
          'h5/%s' % name, np.array(item)) if hasattr(item, 'shape') else None)
    return out
  reader = tf.train.load_checkpoint(train_log_dir)
  for name in reader.get_variable_to_shape_map():
    out['var/%s' % name] = reader.get_tensor(name)
  return out


def main():
  results = {}
  for name, (module, overrides) in RUNS.items():
    with tempfile.TemporaryDirectory() as tmp:
      for key, value in run(module, overrides, tmp).items():
        results['%s/%s' % (name, key)] = value
  np.savez_compressed(OUT, **results)
  print('wrote %d arrays to %s' % (len(results), OUT))


if __name__ == '__main__':
  main()

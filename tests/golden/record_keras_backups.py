# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
r"""Writes Keras backups with the API before the add-on redesign.

Run once, on main at 4dd5bf2 (before issue 29's redesign):

  .venv/bin/python -m tests.golden.record_keras_backups

For Keras 3 and tf-keras, a GANModel of `harness.keras_models` compiled with
R1, LeCam, ADA and the generator average (the add-ons that keep state in the
model) trains one epoch of 2 steps under the package's `BackupAndRestore`;
the backup directory is kept in tests/golden/backup_<package>/ and the
model's weights by name in tests/golden/backup_<package>.npz.
tests/golden/addons_golden_test.py restores the backups into models built
with the add-on objects. Kept as the record of how they were made; after the
redesign it no longer runs.
"""

import importlib
import os
import shutil

import numpy as np
import tensorflow as tf

import tfgan_ext.keras as tfk
from tests.golden import harness

HERE = os.path.dirname(__file__)
COMPILE = dict(loss='hinge', penalty='r1', penalty_weight=5.0,
               lecam_weight=0.3, lecam_decay=0.9, lecam_start=1,
               augment='ada', ada_interval=1, ada_speed_images=16,
               generator_ema=0.5)


def main():
  for package in ('keras', 'tf_keras'):
    K = importlib.import_module(package)
    backup_dir = os.path.join(HERE, 'backup_%s' % package)
    shutil.rmtree(backup_dir, ignore_errors=True)
    noise, images = harness.data()
    with harness.stateless_random():
      generator, discriminator = harness.keras_models(K)
      gan = tfk.GANModel(generator, discriminator)
      gan.compile(K.optimizers.SGD(0.05), K.optimizers.SGD(0.05), **COMPILE)
      dataset = tf.data.Dataset.from_tensors((noise, images)).repeat()
      gan.fit(dataset, epochs=1, steps_per_epoch=2, verbose=0, callbacks=[
          K.callbacks.BackupAndRestore(backup_dir, delete_checkpoint=False)])
    values = {'%02d/%s' % (i, w.name): np.array(w)
              for i, w in enumerate(gan.weights)}
    np.savez_compressed(os.path.join(HERE, 'backup_%s.npz' % package),
                        **values)
    print(package, sorted(os.listdir(backup_dir)))


if __name__ == '__main__':
  main()

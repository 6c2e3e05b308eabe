# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Two GANModels, one after the other, under two MirroredStrategy instances.

Run as a script by keras_faults_test.py (the two logical CPU devices must be
configured before TensorFlow's runtime starts). Both models train a step
that all-reduces more than gradients (the relativistic loss's means and the
lazy R1 gate), which is what met TensorFlow's second-strategy defect
(tensorflow/tensorflow#62790). Prints `RESULT {json}`: per model, 'trained'
with its final losses, or the error it raised.
"""

import json
import os
import sys


def main():
  import tensorflow as tf  # pylint: disable=g-import-not-at-top
  cpu = tf.config.list_physical_devices('CPU')[0]
  tf.config.set_logical_device_configuration(
      cpu, [tf.config.LogicalDeviceConfiguration()] * 2)
  import keras  # pylint: disable=g-import-not-at-top
  import numpy as np  # pylint: disable=g-import-not-at-top
  import tfgan_ext.keras as tfk  # pylint: disable=g-import-not-at-top
  from tfgan_ext.addons import Penalty  # pylint: disable=g-import-not-at-top

  rng = np.random.default_rng(0)
  noise = rng.normal(size=(64, 2)).astype(np.float32)
  real = rng.normal(size=(64, 3)).astype(np.float32)
  outcomes = []
  for _ in range(2):
    strategy = tf.distribute.MirroredStrategy(['/cpu:0', '/cpu:1'])
    with strategy.scope():
      gan = tfk.GANModel(
          keras.Sequential([keras.Input((2,)), keras.layers.Dense(3)]),
          keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)]))
      gan.compile(keras.optimizers.Adam(1e-3), keras.optimizers.Adam(1e-3),
                  loss='relativistic', addons=[Penalty('r1', every=2)])
    data = tf.data.Dataset.from_tensor_slices((noise, real)).batch(8)
    try:
      history = gan.fit(data, epochs=1, verbose=0)
      outcomes.append({'trained': {k: float(v[-1]) for k, v in
                                   history.history.items()}})
    except Exception as e:  # pylint: disable=broad-except
      outcomes.append({'error': '%s: %s' % (type(e).__name__, e)})
  sys.stdout.write('RESULT ' + json.dumps(outcomes) + '\n')


if __name__ == '__main__':
  os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '3')
  main()

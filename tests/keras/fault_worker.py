# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""One worker of the killed-worker test (run as a script; see
keras_fault_test.py).

  TF_CONFIG=... python tests/keras/fault_worker.py --run_dir=DIR \
      --last_step=24 --interval=4

Creates the MultiWorkerMirroredStrategy first (TF_CONFIG), then trains the
digits Keras trainer's GAN (keras_train_lib.build, tiny channels) with the
trainer's own fault handling (keras_train_lib.fit_with_backups: backups
every `interval` steps in DIR/backup, written by the chief) on one fixed
batch repeated, so that a resumed run can be compared with an uninterrupted
one weight for weight. Prints `STEP n` after each step and, at the end,
`RESULT {json}`; the chief saves every variable of the model (networks,
optimizers' state) to DIR/final.npz.
"""

import argparse
import json
import os
import sys
import time


def main():
  parser = argparse.ArgumentParser()
  parser.add_argument('--run_dir', required=True)
  parser.add_argument('--last_step', type=int, default=24)
  parser.add_argument('--interval', type=int, default=4)
  parser.add_argument('--step_seconds', type=float, default=0.1,
                      help='Sleep after each step, so a kill lands mid-run.')
  args = parser.parse_args()
  from absl import logging  # pylint: disable=g-import-not-at-top
  logging.set_verbosity(logging.INFO)  # The trainer's 'resumed from' line.

  import tensorflow as tf  # pylint: disable=g-import-not-at-top
  strategy = tf.distribute.MultiWorkerMirroredStrategy()
  import numpy as np  # pylint: disable=g-import-not-at-top
  import tfgan_ext.keras as tfk  # pylint: disable=g-import-not-at-top
  from examples.digits import keras_train_lib  # pylint: disable=g-import-not-at-top
  from examples.digits import train_lib  # pylint: disable=g-import-not-at-top

  hparams = train_lib.HParams(
      trainer='keras', batch_size=16, generator_channels=8,
      discriminator_channels=8, gan_loss='hinge', seed=3,
      strategy='multi_worker', max_number_of_steps=args.last_step,
      save_checkpoint_steps=args.interval, train_log_dir=args.run_dir)
  K = keras_train_lib.keras_package(hparams.keras_package)
  K.utils.set_random_seed(hparams.seed)
  gan = keras_train_lib.build(K, strategy, hparams, train_lib.addons(hparams))
  batch = next(iter(keras_train_lib.make_dataset(hparams.batch_size,
                                                 hparams.noise_dims)))
  data = tf.data.Dataset.from_tensors(batch).repeat()

  def on_batch_end(batch_index, logs):
    del batch_index, logs
    print('STEP %d' % int(gan.optimizer.iterations.numpy()), flush=True)
    time.sleep(args.step_seconds)

  steps, _ = keras_train_lib.fit_with_backups(
      gan, data, args.last_step, args.interval, args.run_dir, strategy,
      verbose=0, callbacks=[K.callbacks.LambdaCallback(
          on_train_batch_end=on_batch_end)])
  if tfk.faults.is_chief(strategy):
    np.savez(os.path.join(args.run_dir, 'final.npz'),
             *[np.asarray(v.numpy()) for v in gan.variables])
  sys.stdout.write('RESULT ' + json.dumps({'steps': steps}) + '\n')


if __name__ == '__main__':
  os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '3')
  main()

# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Speed: `tfgan_ext.keras.GANModel.fit` in part 4, and part 5 (tf.distribute).

Part 4 rows: the digits GAN of examples/digits/keras_train_lib.py (the
example's DCGAN as Keras models, the example's loss, Adam settings and batch;
noise and images from a tf.data pipeline) trained through Keras `fit` with
the separate (generator step, then discriminator step) and the fused
(one forward pass) train step, timed against `tfgan.gan_train` in the same
interleaved rounds as the hand-written loops (`speed_end_to_end`).

Part 5: the Keras 3 trainer under MirroredStrategy over 2 logical CPU devices
against one device, same global batch. Logical devices must be set before
TensorFlow's runtime starts, so this part runs in a child process
(`python -m benchmarks.speed_keras`), which prints the times as JSON. Two
logical devices of one CPU add no compute: the ratio is the overhead of
replicas, synchronized batch norm and all-reduces, not a speed-up.
"""

import argparse
import functools
import json
import os
import subprocess
import sys

from benchmarks import timing

__all__ = ['PART_DISTRIBUTE', 'KerasLoop', 'keras_loops', 'run_distribute']

PART_DISTRIBUTE = '5 tf.distribute'
_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_LABEL = {'keras': 'Keras 3', 'tf_keras': 'tf-keras'}


class KerasLoop:
  """The Keras digits trainer, built and traced (warm-up steps) once.

  Args:
    keras: 'keras' (Keras 3) or 'tf_keras'.
    fused: The fused train step (one forward pass) or the separate one.
    warmup: Steps run before any timing.
    strategy: A tf.distribute strategy (None: the default one).
    **fields: Other digits `train_lib.HParams` fields (data set, networks).
  """

  def __init__(self, keras, fused, warmup, strategy=None, **fields):
    from examples.digits import keras_speed  # pylint: disable=g-import-not-at-top
    self._timed = keras_speed.Timed(keras_package=keras, fused=fused,
                                    strategy=strategy, warmup=warmup, **fields)

  def seconds_per_step(self, steps, warmup=None):
    del warmup  # done once, when built
    return 1.0 / self._timed.steps_per_second(steps)


def keras_loops(settings):
  """{row name: KerasLoop} for the packages in settings['keras_packages']."""
  return {
      '%s fit, %s step' % (_LABEL[k], 'fused' if fused else 'separate'):
          KerasLoop(k, fused, settings['e2e_warmup'])
      for k in settings['keras_packages'] for fused in (False, True)}


def run_distribute(settings, log):
  """Part 5 in a child process; one ratio row, `log(row)`ed."""
  out = subprocess.run(
      [sys.executable, '-m', 'benchmarks.speed_keras',
       '--steps=%d' % settings['e2e_steps'],
       '--warmup=%d' % settings['e2e_warmup'],
       '--repeats=%d' % settings['e2e_repeats']],
      cwd=_ROOT, check=True, capture_output=True, text=True, timeout=1800)
  times = json.loads(out.stdout.strip().splitlines()[-1])
  row = timing.ratio_row(
      PART_DISTRIBUTE, 'MirroredStrategy, 2 logical CPU devices',
      'Keras 3 digits trainer, global batch 64, separate step',
      'mirrored (2 replicas of 32)', 'one device (default strategy)',
      times['mirrored'], times['one_device'], settings['e2e_steps'])
  log(row)
  return [row]


def _child(argv):
  parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
  parser.add_argument('--steps', type=int, required=True)
  parser.add_argument('--warmup', type=int, required=True)
  parser.add_argument('--repeats', type=int, required=True)
  args = parser.parse_args(argv)
  from tfgan_ext.keras import distribute  # pylint: disable=g-import-not-at-top
  mirrored = distribute.strategy_by_name('mirrored', distribute.split_cpu(2))
  from examples.common import logs  # pylint: disable=g-import-not-at-top
  logs.quiet_tensorflow()
  loops = {'one_device': KerasLoop('keras', False, args.warmup),
           'mirrored': KerasLoop('keras', False, args.warmup, mirrored)}
  times = timing.interleaved(
      {name: functools.partial(
          lambda loop: args.steps * loop.seconds_per_step(args.steps), loop)
       for name, loop in loops.items()}, args.repeats)
  sys.stdout.write(json.dumps(times) + '\n')


if __name__ == '__main__':
  _child(sys.argv[1:])

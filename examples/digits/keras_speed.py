# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Steps per second of the Keras digits trainer, for benchmarks and the note.

`steps_per_second(...)` times `GANModel.fit` on the digits task for one
configuration; `interleaved(configs)` times several configurations in
alternating rounds in one process (speed claims are ratios measured side by
side). Run as a script it measures the fused vs the separate step (Keras 3
and tf-keras) and MirroredStrategy over 2 logical CPU devices vs one device,
and prints JSON:

  python -m examples.digits.keras_speed [--rounds=3 --steps=200]

(It splits the CPU into 2 logical devices first thing, before TensorFlow's
runtime starts: `tfgan_ext.keras.distribute.split_cpu`.)
"""

import argparse
import json
import statistics
import sys
import time

import tensorflow as tf

from examples.digits import keras_train_lib
from examples.digits import train_lib
from tfgan_ext.keras import distribute

__all__ = ['Timed', 'interleaved', 'paired_ratio', 'steps_per_second']


class Timed:
  """A compiled digits GANModel and its dataset, ready to be timed.

  A timing is one `fit` call; its steps are timed from the end of the
  call's first step to the end of its last (a Keras `LambdaCallback`), as
  gan_train's and GANEstimator's timings leave out their session and graph
  set-up. The call's own cost outside those steps (the dataset iterator's
  creation, the first step, callbacks at the end, the iterator's deletion)
  is `call_overhead_s`. It is not small: deleting a `tf.data` iterator can
  block until the pipeline's autotune thread next wakes up (none with
  autotuning off), which here added 4.7-5.0 s to every other 50-step call
  on TF-GAN's MNIST networks (each such call ending 10.26-10.28 s after it
  began) and swung per-call timings between about 115 and 205 ms/step.

  Args:
    strategy: A tf.distribute strategy (None: the default one).
    warmup: Steps run (and traced) before timing.
    **fields: digits `train_lib.HParams` fields that differ from the
      defaults (keras_package, fused, gan_loss, batch_size, seed, ...).
  """

  def __init__(self, strategy=None, warmup=20, **fields):
    hparams = train_lib.HParams(**fields)
    K = keras_train_lib.keras_package(hparams.keras_package)
    self._callbacks = K.callbacks
    self.call_overhead_s = None
    K.utils.set_random_seed(hparams.seed)
    self.gan = keras_train_lib.build(
        K, strategy or tf.distribute.get_strategy(), hparams,
        train_lib.addons(hparams))
    self.dataset = keras_train_lib.training_data(hparams)
    self.gan.fit(self.dataset, epochs=1, steps_per_epoch=warmup, verbose=0)

  def steps_per_second(self, steps, clock=time.perf_counter):
    """Steps per second of `clock` (wall time, or `time.process_time`).

    One `fit` call of `steps` + 1 steps; `steps` are timed (see the class).
    """
    ends = []
    stamp = self._callbacks.LambdaCallback(
        on_train_batch_end=lambda batch, logs: ends.append(clock()))
    start = clock()
    self.gan.fit(self.dataset, epochs=1, steps_per_epoch=steps + 1,
                 verbose=0, callbacks=[stamp])
    timed = ends[-1] - ends[0]
    self.call_overhead_s = clock() - start - timed
    return steps / timed


def steps_per_second(steps=200, **kwargs):
  """Train steps per second of one configuration (see `Timed`)."""
  return Timed(**kwargs).steps_per_second(steps)


def interleaved(configs, rounds=3, steps=200, clock=time.perf_counter):
  """Times configurations in alternating rounds.

  Args:
    configs: dict name -> `Timed` keyword arguments.
    rounds: Rounds; each times every configuration once, in turn.
    steps: Steps per timing.
    clock: `time.perf_counter` (wall time) or `time.process_time` (CPU time
      of this process, all threads: steadier on a machine shared with other
      jobs, but blind to idle waits).

  Returns:
    dict name -> {'steps_per_second': median, 'rounds': [each round]}.
  """
  timed = {name: Timed(**kwargs) for name, kwargs in configs.items()}
  runs = {name: [] for name in configs}
  for _ in range(rounds):
    for name, t in timed.items():
      runs[name].append(t.steps_per_second(steps, clock))
  return {name: {'steps_per_second': statistics.median(r), 'rounds': r}
          for name, r in runs.items()}


def paired_ratio(results, numerator, denominator):
  """Median over rounds of steps/s(numerator) / steps/s(denominator).

  Each round times the two configurations next to each other, so the ratio
  of a round is little affected by the machine's load changing over time.
  """
  ratios = [a / b for a, b in zip(results[numerator]['rounds'],
                                  results[denominator]['rounds'])]
  return {'median': statistics.median(ratios), 'rounds': ratios}


def main(argv=None):
  parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
  parser.add_argument('--rounds', type=int, default=3)
  parser.add_argument('--steps', type=int, default=200)
  parser.add_argument('--clock', choices=['wall', 'cpu'], default='wall')
  args = parser.parse_args(argv)
  clock = {'wall': time.perf_counter, 'cpu': time.process_time}[args.clock]
  # First thing: logical devices must be set before TensorFlow's runtime
  # starts (importing TensorFlow and tfgan_ext does not start it).
  mirrored = distribute.strategy_by_name('mirrored', distribute.split_cpu(2))
  speed = interleaved({
      '%s_%s' % (k, 'fused' if f else 'separate'): {'keras_package': k,
                                                    'fused': f}
      for k in ('keras', 'tf_keras') for f in (False, True)},
                      args.rounds, args.steps, clock)
  mirrored_speed = interleaved({
      'one_device': {'keras_package': 'keras'},
      'mirrored_2_logical_cpus': {'keras_package': 'keras',
                                  'strategy': mirrored},
  }, args.rounds, args.steps, clock)
  results = {
      'steps_per_second': dict(speed, **mirrored_speed),
      'fused_over_separate': {
          k: paired_ratio(speed, k + '_fused', k + '_separate')
          for k in ('keras', 'tf_keras')},
      'mirrored_2_over_1': paired_ratio(
          mirrored_speed, 'mirrored_2_logical_cpus', 'one_device'),
      'rounds': args.rounds, 'steps': args.steps, 'clock': args.clock,
  }
  sys.stdout.write(json.dumps(results, indent=1) + '\n')


if __name__ == '__main__':
  main()

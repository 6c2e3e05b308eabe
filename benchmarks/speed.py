# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
r"""Speed of tfgan_ext's losses and penalties, and of TF-GAN's training loop.

  python -m benchmarks.speed            # full mode: the committed results
  python -m benchmarks.speed --quick    # about a minute (CI)
  python -m benchmarks.speed --quick --out_dir=/tmp/s

Every figure is a ratio of variants measured in this one run, timed in
alternating blocks (`benchmarks.timing`), and every ratio is
time(variant) / time(reference): below 1, the variant is faster. Six parts,
one module each:

1. `speed_losses_vs_upstream`: each registered loss against its upstream
   TF-GAN counterpart (`speed_counterparts`), per training step of the
   digits GAN (`speed_digits_step`), graph mode.
2. `speed_losses_alone`: each loss alone, forward and backward, at two batch
   sizes, in graph mode, eagerly and under `tf.function(jit_compile=True)`.
3. `speed_penalties`: the per-step overhead of each penalty
   (`penalty_settings`) on the step of part 1, and upstream's WGAN-GP.
4. `speed_end_to_end`: steps per second of the digits GAN fed by the
   example's input pipeline, through `tfgan.gan_train` against hand-written
   `tf.function` GradientTape loops and `tfgan_ext.keras` `fit` (separate and
   fused step; `speed_keras`).
5. `speed_keras.run_distribute`: the Keras trainer under MirroredStrategy
   over 2 logical CPU devices against one device (a child process).
6. `speed_augment`: the per-step overhead of the generator's moving average,
   DiffAugment and ADA on the step of part 1.

Writes speed.md and speed.csv (`speed_report`) to --out_dir (default
benchmarks/results).
"""

import os
import sys
import time

import tfgan_ext
from benchmarks import environment
from benchmarks import speed_augment
from benchmarks import speed_end_to_end
from benchmarks import speed_keras
from benchmarks import speed_losses_alone
from benchmarks import speed_losses_vs_upstream
from benchmarks import speed_penalties
from benchmarks import speed_report
from examples.common import logs

__all__ = ['MODES', 'main', 'parse_args']

# Repeats and block sizes per mode. A block of part 3 has a multiple of 16
# steps, so lazy R1 is applied exactly steps/16 times in every block.
MODES = {
    'quick': dict(repeats=2, step_block=16, step_warmup=2,
                  loss_block_s=0.004, loss_warmup=2, e2e_steps=20,
                  e2e_warmup=5, e2e_repeats=1, batches=(64, 4096),
                  keras_packages=('keras',)),
    'full': dict(repeats=9, step_block=48, step_warmup=10,
                 loss_block_s=0.08, loss_warmup=5, e2e_steps=400,
                 e2e_warmup=50, e2e_repeats=5, batches=(64, 4096),
                 keras_packages=('keras', 'tf_keras')),
}


def parse_args(argv):
  parser = environment.argument_parser(
      'speed', __doc__, 'About a minute: few repeats, small blocks (CI).',
      'Where speed.md and speed.csv go.')
  parser.add_argument('--parts', default='1,2,3,4,5,6',
                      help='Comma-separated parts to run (default: all).')
  return parser.parse_args(argv)


def main(argv=None):
  """Runs the parts asked for and writes the reports; returns the rows."""
  args = parse_args(sys.argv[1:] if argv is None else argv)
  mode = 'quick' if args.quick else 'full'
  settings = MODES[mode]
  parts = {p.strip() for p in args.parts.split(',')}
  os.makedirs(args.out_dir, exist_ok=True)
  started, start_load = environment.utc_now(), environment.load_average()
  clock = time.time()
  logs.quiet_tensorflow()
  names = list(tfgan_ext.losses.names(include_aliases=False))
  log = speed_report.log_row
  rows = []
  if '1' in parts:
    rows += speed_losses_vs_upstream.run(names, settings, log)
  if '2' in parts:
    rows += speed_losses_alone.run(names, settings, log)
  if '3' in parts:
    rows += speed_penalties.run(settings, log)
  if '4' in parts:
    rows += speed_end_to_end.run(settings, log)
  if '5' in parts:
    rows += speed_keras.run_distribute(settings, log)
  if '6' in parts:
    rows += speed_augment.run(settings, log)
  finished, end_load = environment.utc_now(), environment.load_average()
  speed_report.write_csv(rows, os.path.join(args.out_dir, 'speed.csv'))
  speed_report.write_markdown(
      rows, os.path.join(args.out_dir, 'speed.md'), settings, mode,
      environment.environment_lines(start_load, end_load, started, finished),
      (time.time() - clock) / 60)
  print('wrote %s (%.1f min)' % (os.path.join(args.out_dir, 'speed.md'),
                                 (time.time() - clock) / 60))
  return rows


if __name__ == '__main__':
  main()

# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
r"""Evaluates a toy2d run from its latest checkpoint.

  python -m examples.toy2d.eval --train_log_dir=/tmp/toy2d/ring_hinge

Writes <train_log_dir>/eval/samples.npy (2,500 x 2), metrics.json and
samples.png, and prints the metrics and the plot's path.
"""

from absl import app
from absl import flags
from absl import logging

from examples.common import hparams as hparams_lib
from examples.common import logs

from examples.toy2d import eval_lib
from examples.toy2d import train_lib

flags.DEFINE_string('train_log_dir', None, 'The training run to evaluate.')
flags.DEFINE_integer('num_eval_samples', 2500, 'Samples to draw.')
flags.DEFINE_integer('seed', 0, 'Noise seed.')
flags.mark_flag_as_required('train_log_dir')

FLAGS = flags.FLAGS


def main(_):
  logs.quiet_tensorflow()
  with logs.errors_as_one_line(FileNotFoundError):
    result = eval_lib.evaluate(
        hparams_lib.load(train_lib.HParams, FLAGS.train_log_dir),
        FLAGS.num_eval_samples, FLAGS.seed)
  print('\n'.join(eval_lib.summary_lines(result)))


if __name__ == '__main__':
  logging.set_verbosity(logging.INFO)
  app.run(main)

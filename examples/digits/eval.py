# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
r"""Evaluates a digits run from its latest checkpoint.

  python -m examples.digits.eval --train_log_dir=/tmp/digits/hinge

Writes <train_log_dir>/eval/grid.png and metrics.json (FCD and its
real-vs-real baseline) and prints them.
"""

from absl import app
from absl import flags
from absl import logging

from examples.common import hparams as hparams_lib
from examples.common import logs

from examples.digits import data_provider
from examples.digits import eval_lib
from examples.digits import train_lib

flags.DEFINE_string('train_log_dir', None, 'The training run to evaluate.')
flags.DEFINE_integer('seed', 0, 'Noise seed.')
flags.DEFINE_string('classifier_dir', None,
                    'Eval classifier to use (trained there if absent); '
                    'default <train_log_dir>/eval/classifier. Share one '
                    'between runs to compare their FCDs.')
flags.mark_flag_as_required('train_log_dir')

FLAGS = flags.FLAGS


def main(_):
  logs.quiet_tensorflow()
  with logs.errors_as_one_line(FileNotFoundError,
                               data_provider.DatasetUnavailableError):
    hparams = hparams_lib.load(train_lib.HParams, FLAGS.train_log_dir)
    result = eval_lib.evaluate(hparams, seed=FLAGS.seed,
                               classifier_dir=FLAGS.classifier_dir)
  print('\n'.join(eval_lib.summary_lines(result)))


if __name__ == '__main__':
  logging.set_verbosity(logging.INFO)
  app.run(main)

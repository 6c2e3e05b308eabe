# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
r"""Trains a DCGAN-style GAN on digit images, then evaluates it.

  python -m examples.digits.train --train_log_dir=/tmp/digits/hinge \
      --gan_loss=hinge

Default data: scikit-learn's bundled 8x8 digits (offline). --dataset=mnist,
fashion_mnist or cifar10 load through tensorflow_datasets. Re-running the
same command resumes from the last checkpoint. The flags are declared in
`train_lib.define_flags` (one per field of `train_lib.HParams`), plus
--preset here.
"""

from absl import app
from absl import flags
from absl import logging

from examples.common import hparams as hparams_lib
from examples.common import logs
from examples.common import training
from examples.digits import data_provider
from examples.digits import eval_lib
from examples.digits import train_lib

train_lib.define_flags()
flags.DEFINE_enum('preset', 'recommended', hparams_lib.PRESET_CHOICES,
                  'recommended: the flags not on the command line take the '
                  'settings recorded for the chosen --gan_loss and --penalty '
                  "(train_lib.PRESETS, e.g. WGAN-GP's 5 critic steps), with "
                  'their source. none: the shared defaults for every loss.')

FLAGS = flags.FLAGS


def main(_):
  logs.quiet_tensorflow()
  hparams = hparams_lib.from_flags(
      train_lib.HParams, FLAGS,
      train_lib.PRESETS if FLAGS.preset == 'recommended' else ())
  with logs.errors_as_one_line(training.NonFiniteLossError,
                               training.RunMismatchError,
                               training.DamagedCheckpointError,
                               data_provider.DatasetUnavailableError):
    result = train_lib.train(hparams)
  if result:
    print('\n'.join(eval_lib.summary_lines(result)))


if __name__ == '__main__':
  logging.set_verbosity(logging.INFO)
  app.run(main)

# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
r"""Trains a DCGAN-style GAN on digit images, then evaluates it.

  python -m examples.digits.train --train_log_dir=/tmp/digits/hinge \
      --gan_loss=hinge

Default data: scikit-learn's bundled 8x8 digits (offline). --dataset=mnist,
fashion_mnist or cifar10 load through tensorflow_datasets. Re-running the
same command resumes from the last checkpoint. The flags are the fields of
`train_lib.HParams`, with its defaults.
"""

from absl import app
from absl import logging

from examples.common import hparams as hparams_lib
from examples.common import logs
from examples.common import training
from examples.digits import data_provider
from examples.digits import eval_lib
from examples.digits import train_lib

hparams_lib.define_flags(train_lib.HParams)


def main(_):
  logs.quiet_tensorflow()
  hparams = hparams_lib.hparams_from_flags(train_lib.HParams, train_lib.TASK)
  logs.print_summary(lambda: train_lib.train(hparams), eval_lib.summary_lines,
                     (training.NonFiniteLossError, training.RunMismatchError,
                      training.DamagedCheckpointError,
                      data_provider.DatasetUnavailableError))


if __name__ == '__main__':
  logging.set_verbosity(logging.INFO)
  app.run(main)

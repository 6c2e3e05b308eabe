# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
r"""Trains a GAN on the ring or grid mixture, then evaluates it.

  python -m examples.toy2d.train --train_log_dir=/tmp/toy2d/ring_hinge \
      --gan_loss=hinge --dataset=ring

Re-running the same command resumes from the last checkpoint. The flags are
declared in `train_lib.define_flags` (one per field of `train_lib.HParams`),
plus --preset (`hparams.define_preset_flag`).
"""

from absl import app

from examples.common import hparams as hparams_lib
from examples.common import logs
from examples.common import training
from examples.toy2d import eval_lib
from examples.toy2d import train_lib

train_lib.define_flags()
hparams_lib.define_preset_flag()


def main(_):
  logs.quiet_tensorflow()
  hparams = hparams_lib.from_flags(train_lib.HParams, presets=train_lib.PRESETS)
  with logs.errors_as_one_line(*training.RUN_ERRORS):
    result = train_lib.train(hparams)
  if result:
    print('\n'.join(eval_lib.summary_lines(result)))


if __name__ == '__main__':
  app.run(main)

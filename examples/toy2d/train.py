r"""Trains a GAN on the ring or grid mixture, then evaluates it.

  python -m examples.toy2d.train --train_log_dir=/tmp/toy2d/ring_hinge \
      --gan_loss=hinge --dataset=ring

Re-running the same command resumes from the last checkpoint.
"""

from absl import app
from absl import flags
from absl import logging

from examples.common import flags as common_flags
from examples.common import logs
from examples.common import training
from examples.toy2d import data_provider
from examples.toy2d import eval_lib
from examples.toy2d import train_lib

# Defaults shared by every loss (no per-loss tuning), chosen by measurement:
# see examples/README.md.
common_flags.define_common_flags(
    batch_size=256, max_number_of_steps=10000, generator_lr=2e-4,
    discriminator_lr=2e-4, adam_beta1=0.0, adam_beta2=0.9,
    lr_decay_steps=3000, log_every_n_steps=1000, save_checkpoint_steps=2000,
    save_summaries_steps=500)
flags.DEFINE_enum('dataset', 'ring', data_provider.DATASETS, 'Mixture.')
flags.DEFINE_integer('noise_dims', 2, 'Generator input dimension.')
flags.DEFINE_list('generator_hidden', ['256', '256', '256'],
                  'Generator hidden layer sizes.')
flags.DEFINE_list('discriminator_hidden', ['256', '256', '256'],
                  'Discriminator hidden layer sizes.')
flags.DEFINE_enum('activation', 'relu', ['relu', 'leaky_relu'],
                  'Hidden activation of both networks.')
flags.DEFINE_boolean('eval', True, 'Evaluate at the end (--noeval to skip).')
flags.DEFINE_integer('num_eval_samples', 2500, 'Samples drawn by the eval.')

FLAGS = flags.FLAGS


def main(_):
  logs.quiet_tensorflow()
  hparams = common_flags.hparams_from_flags(train_lib.HParams)
  hparams = hparams._replace(
      generator_hidden=tuple(int(u) for u in hparams.generator_hidden),
      discriminator_hidden=tuple(int(u) for u in hparams.discriminator_hidden))
  try:
    result = train_lib.train(hparams)
  except (training.NonFiniteLossError, training.RunMismatchError) as e:
    raise SystemExit('error: %s' % e)
  if result:
    for line in eval_lib.summary_lines(*result):
      print(line)


if __name__ == '__main__':
  logging.set_verbosity(logging.INFO)
  app.run(main)

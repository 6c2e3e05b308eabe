r"""Trains a DCGAN-style GAN on digit images, then evaluates it.

  python -m examples.digits.train --train_log_dir=/tmp/digits/hinge \
      --gan_loss=hinge

Default data: scikit-learn's bundled 8x8 digits (offline). --dataset=mnist,
fashion_mnist or cifar10 load through tensorflow_datasets. Re-running the
same command resumes from the last checkpoint.
"""

from absl import app
from absl import flags
from absl import logging

from examples.common import flags as common_flags
from examples.common import logs
from examples.common import training
from examples.digits import data_provider
from examples.digits import eval_lib
from examples.digits import train_lib

common_flags.define_common_flags(
    batch_size=64, max_number_of_steps=3000, generator_lr=2e-4,
    discriminator_lr=2e-4, adam_beta1=0.5, adam_beta2=0.999,
    log_every_n_steps=500, save_checkpoint_steps=1000,
    save_summaries_steps=200)
flags.DEFINE_enum('dataset', 'digits', data_provider.DATASETS,
                  'digits: scikit-learn 8x8 (offline); others via '
                  'tensorflow_datasets.')
flags.DEFINE_string('data_dir', None, 'tensorflow_datasets data directory.')
flags.DEFINE_boolean('tfds_download', False,
                     'Let tensorflow_datasets download the data set.')
flags.DEFINE_integer('noise_dims', 32, 'Generator noise dimension.')
flags.DEFINE_integer('generator_channels', 64, 'Generator width.')
flags.DEFINE_integer('discriminator_channels', 64, 'Discriminator width.')
flags.DEFINE_boolean('conditional', False,
                     'Class-conditional ACGAN (tfgan.acgan_model).')
flags.DEFINE_float('feature_matching_weight', 0.0,
                   'If > 0, add this times feature matching on the '
                   'discriminator trunk to the generator loss.')
flags.DEFINE_boolean('adversarial_generator_loss', True,
                     'Keep the adversarial generator loss; '
                     '--noadversarial_generator_loss with '
                     '--feature_matching_weight trains on feature matching '
                     'alone.')
flags.DEFINE_integer('grid_size', 4, 'TensorBoard image grid side.')
flags.DEFINE_boolean('eval', True, 'Evaluate at the end (--noeval to skip).')

FLAGS = flags.FLAGS


def main(_):
  logs.quiet_tensorflow()
  hparams = common_flags.hparams_from_flags(train_lib.HParams)
  try:
    result = train_lib.train(hparams)
  except (training.NonFiniteLossError, training.RunMismatchError,
          data_provider.DatasetUnavailableError) as e:
    raise SystemExit('error: %s' % e)
  if result:
    for line in eval_lib.summary_lines(result):
      print(line)


if __name__ == '__main__':
  logging.set_verbosity(logging.INFO)
  app.run(main)

# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""Trains a DCGAN-style GAN on small digit images (unconditional or ACGAN).

`HParams` are the example's settings (one flag per field); `train(hparams)`
hands them to the trainer `hparams.trainer` names:

* gan_train: TF-GAN's loop written out (`gan_train_lib`);
* estimator: `tfgan.estimator.GANEstimator` (`estimator_train_lib`);
* keras: `tfgan_ext.keras.GANModel` through Keras `fit`
  (`keras_train_lib`).

Every trainer takes the same `hparams`, trains the same networks on the same
data and evaluates the same way (`eval_lib`).
"""

from examples.common import fields
from examples.common import hparams as hparams_lib
from examples.digits import data_provider
from examples.digits import estimator_train_lib
from examples.digits import gan_train_lib
from examples.digits import keras_train_lib

__all__ = ['HParams', 'TASK', 'TRAINERS', 'train']

TASK = 'digits'  # The presets' name for this example.

_Field = hparams_lib.Field

# --trainer: the function that trains with each (the first is the default).
_TRAINERS = {
    'gan_train': gan_train_lib.train,
    'estimator': estimator_train_lib.train,
    'keras': keras_train_lib.train,
}
TRAINERS = tuple(_TRAINERS)

# The one source of digits' defaults (flags, tests and benchmarks read them),
# shared by every loss.
HParams = hparams_lib.hparams_class('HParams', fields.common_fields(
    max_number_of_steps=3000, save_summaries_steps=200) + (
        _Field('dataset', 'digits', 'digits: scikit-learn 8x8 (offline); '
               'others via tensorflow_datasets.',
               choices=data_provider.DATASETS),
        _Field('data_dir', None, 'tensorflow_datasets data directory.',
               resumable=True),
        _Field('tfds_download', False,
               'Let tensorflow_datasets download the data set.',
               resumable=True),
        _Field('train_fraction', 1.0, 'Train on the first this fraction of '
               'the training images, shuffled with --seed (the limited-data '
               'regime); the eval reference stays the full set.',
               lower_bound=0.001, upper_bound=1.0),
        _Field('augment', 'none', 'What the discriminator sees: none, '
               'diffaugment (Zhao et al. 2020) or ada (Karras et al. 2020); '
               'tfgan_ext.augment.', choices=('none', 'diffaugment', 'ada')),
        _Field('augment_policy', 'color,translation,cutout',
               "--augment=diffaugment: DiffAugment's policies."),
        _Field('ada_target', 0.6, "--augment=ada: ADA's target for "
               'E[sign(D(x_real))].', lower_bound=0.0, upper_bound=1.0),
        _Field('ada_interval', 4, '--augment=ada: discriminator steps '
               'between adjustments of p.', lower_bound=1),
        _Field('ada_speed_images', 20000, '--augment=ada: real images over '
               'which p may move from 0 to 1 (the paper: 500k, for runs of '
               'tens of millions of images; here scaled to this budget of '
               '192k).', lower_bound=1),
        _Field('lecam_weight', 0.0, 'If > 0, add this times LeCam '
               'regularization (Tseng et al. 2021; the paper: 0.3) to the '
               'discriminator loss.', lower_bound=0.0),
        _Field('lecam_decay', 0.99, "LeCam's anchors' decay.",
               lower_bound=0.0, upper_bound=0.999999),
        _Field('lecam_start', 1000, 'Discriminator steps before the LeCam '
               'anchors start averaging (batch means until then).',
               lower_bound=0),
        _Field('bcr_weight', 0.0, 'If > 0, balanced consistency '
               'regularization (bCR, Zhao et al. 2021; the paper: 10) in the '
               'discriminator loss.', lower_bound=0.0),
        _Field('bcr_augment', 'translation', "bCR's transform T: DiffAugment "
               'policies (tfgan_ext.augment).'),
        _Field('noise_dims', 32, 'Generator noise dimension.', lower_bound=1),
        _Field('generator_channels', 64, 'Generator width.', lower_bound=1),
        _Field('discriminator_channels', 64, 'Discriminator width.',
               lower_bound=1),
        _Field('conditional', False,
               'Class-conditional ACGAN (tfgan.acgan_model).'),
        _Field('feature_matching_weight', 0.0, 'If > 0, add this times '
               'feature matching on the discriminator trunk to the generator '
               'loss.', lower_bound=0.0),
        _Field('adversarial_generator_loss', True, 'Keep the adversarial '
               'generator loss; --noadversarial_generator_loss with '
               '--feature_matching_weight trains on feature matching alone.'),
        _Field('grid_size', 4, 'TensorBoard image grid side.', lower_bound=1,
               resumable=True),
        _Field('eval', True, 'Evaluate at the end (--noeval to skip).',
               resumable=True),
        _Field('trainer', 'gan_train', 'gan_train: tfgan.gan_model -> '
               'gan_loss -> gan_train_ops -> gan_train; estimator: '
               'tfgan.estimator.GANEstimator; keras: tfgan_ext.keras.GANModel '
               'through Keras fit.', choices=TRAINERS),
        _Field('strategy', 'default', '--trainer=keras: tf.distribute '
               'strategy (default: one device; mirrored: all GPUs, else the '
               'CPU; multi_worker: the cluster in TF_CONFIG).',
               choices=('default', 'mirrored', 'multi_worker')),
        _Field('keras_package', 'keras', '--trainer=keras: build the networks '
               'with keras (Keras 3 on TF >= 2.16) or tf_keras.',
               choices=('keras', 'tf_keras')),
        _Field('fused', False, "--trainer=keras: GANModel's one-forward-pass "
               'step (both players updated from one G(z), D(x), D(G(z))).'),
    ), module=__name__)


def train(hparams):
  """Trains with hparams.trainer, each of which evaluates if hparams.eval.

  Args:
    hparams: An HParams.

  Returns:
    The trainer's eval result dict when evaluated, else None (the Keras
    trainer's also holds 'steps' and 'history').

  Raises:
    ValueError: a field is outside its choices or bounds, or a setting the
      chosen trainer cannot honour.
    training.NonFiniteLossError: a loss went NaN or infinite.
    training.RunMismatchError: train_log_dir holds another run.
  """
  hparams_lib.validate(hparams)
  return _TRAINERS[hparams.trainer](hparams)

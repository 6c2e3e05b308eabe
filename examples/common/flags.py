"""Flags every example defines, and HParams built from flags by field name.

Each example's `train.py` calls `define_common_flags(...)` with its own
defaults, defines its own flags, and builds its `HParams` with
`hparams_from_flags`. `train_lib.train(hparams)` never reads FLAGS.
"""

from absl import flags

from examples.common import losses

__all__ = ['COMMON_FIELDS', 'define_common_flags', 'hparams_from_flags']

# Names of the common flags; each example's HParams has these fields.
COMMON_FIELDS = (
    'gan_loss', 'penalty', 'penalty_weight', 'penalty_every',
    'spectral_norm', 'weight_clip',
    'batch_size', 'max_number_of_steps', 'train_log_dir',
    'generator_lr', 'discriminator_lr', 'adam_beta1', 'adam_beta2',
    'lr_decay_steps', 'seed',
    'log_every_n_steps', 'save_checkpoint_steps', 'save_summaries_steps',
    'mixed_precision', 'xla',
)


def define_common_flags(flag_values=flags.FLAGS, **defaults):
  """Defines the common flags; `defaults` overrides their default values.

  Args:
    flag_values: The FlagValues to define the flags in.
    **defaults: flag name -> default value, for the example's own defaults.

  Raises:
    ValueError: a key of `defaults` is not a common flag.
  """
  unknown = sorted(set(defaults) - set(COMMON_FIELDS))
  if unknown:
    raise ValueError('Not common flags: %s' % ', '.join(unknown))

  def default(name, value):
    return defaults.get(name, value)

  fv = flag_values
  flags.DEFINE_enum('gan_loss', default('gan_loss', 'non_saturating'),
                    losses.names(), 'GAN loss pair, by registry name.',
                    flag_values=fv)
  flags.DEFINE_enum('penalty', default('penalty', losses.NO_PENALTY),
                    losses.penalty_names(),
                    'Discriminator penalty added to the discriminator loss.',
                    flag_values=fv)
  flags.DEFINE_float('penalty_weight', default('penalty_weight', 10.0),
                     'Weight of --penalty.', flag_values=fv)
  flags.DEFINE_integer('penalty_every', default('penalty_every', 1),
                       'Lazy regularization: apply --penalty every this many '
                       'discriminator steps (weight scaled to match).',
                       lower_bound=1, flag_values=fv)
  flags.DEFINE_boolean('spectral_norm', default('spectral_norm', False),
                       'Spectrally normalize the discriminator weights '
                       '(tfgan.features.spectral_normalization_custom_getter).',
                       flag_values=fv)
  flags.DEFINE_float('weight_clip', default('weight_clip', 0.0),
                     'If > 0, clip discriminator weights to [-c, c] after each '
                     'update (WGAN; tfgan.features.clip_discriminator_weights).',
                     lower_bound=0.0, flag_values=fv)
  flags.DEFINE_integer('batch_size', default('batch_size', 64),
                       'Batch size.', lower_bound=1, flag_values=fv)
  flags.DEFINE_integer('max_number_of_steps',
                       default('max_number_of_steps', 1000),
                       'Train until the global step reaches this (a resumed '
                       'run continues up to it).', lower_bound=0,
                       flag_values=fv)
  flags.DEFINE_string('train_log_dir', default('train_log_dir', None),
                      'Checkpoints, TensorBoard summaries and eval output.',
                      flag_values=fv)
  flags.DEFINE_float('generator_lr', default('generator_lr', 2e-4),
                     'Generator Adam learning rate.', flag_values=fv)
  flags.DEFINE_float('discriminator_lr', default('discriminator_lr', 2e-4),
                     'Discriminator Adam learning rate.', flag_values=fv)
  flags.DEFINE_float('adam_beta1', default('adam_beta1', 0.5), 'Adam beta1.',
                     flag_values=fv)
  flags.DEFINE_float('adam_beta2', default('adam_beta2', 0.999), 'Adam beta2.',
                     flag_values=fv)
  flags.DEFINE_integer('lr_decay_steps', default('lr_decay_steps', 0),
                       'If > 0, both learning rates decay linearly to 0 over '
                       'the last this many steps.', lower_bound=0,
                       flag_values=fv)
  flags.DEFINE_integer('seed', default('seed', 0),
                       'Seed for TensorFlow ops and the data pipeline.',
                       flag_values=fv)
  flags.DEFINE_integer('log_every_n_steps', default('log_every_n_steps', 500),
                       'Log step, steps/s and losses this often.',
                       lower_bound=1, flag_values=fv)
  flags.DEFINE_integer('save_checkpoint_steps',
                       default('save_checkpoint_steps', 1000),
                       'Write a checkpoint this often (and at the end).',
                       lower_bound=1, flag_values=fv)
  flags.DEFINE_integer('save_summaries_steps',
                       default('save_summaries_steps', 100),
                       'Write TensorBoard summaries this often.',
                       lower_bound=1, flag_values=fv)
  flags.DEFINE_boolean('mixed_precision', default('mixed_precision', False),
                       'Compute the networks in float16 (variables, losses '
                       'and optimizer state stay float32; dynamic loss '
                       'scaling). Pays off on GPUs with tensor cores.',
                       flag_values=fv)
  flags.DEFINE_boolean('xla', default('xla', False),
                       'Compile the networks with XLA (jit scopes) and turn on '
                       'XLA auto-clustering in the session.', flag_values=fv)
  flags.mark_flag_as_required('train_log_dir', flag_values=fv)


def hparams_from_flags(hparams_cls, flag_values=flags.FLAGS):
  """Builds `hparams_cls` (a namedtuple) from the flags named like its fields.

  List-valued flags become tuples, so HParams stay hashable.
  """
  values = {}
  for field in hparams_cls._fields:
    value = flag_values[field].value
    if isinstance(value, list):
      value = tuple(value)
    values[field] = value
  return hparams_cls(**values)

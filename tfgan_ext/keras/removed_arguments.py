# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
"""`GANModel.compile` arguments removed in 0.2, and what replaced them.

In 0.2 each technique became one add-on object (`tfgan_ext.addons`), passed
as `compile(addons=[...])`; the keyword arguments that configured them are
gone (CHANGELOG.md). `check(kwargs)` turns an old call into a TypeError that
names the replacement of every removed argument it used.
"""

__all__ = ['REPLACEMENTS', 'check']

# Removed argument -> what to pass instead.
REPLACEMENTS = {
    'penalty': "addons=[tfgan_ext.addons.Penalty(name, weight, every, "
               "**kwargs)], e.g. Penalty('r1', weight=5.0)",
    'penalty_weight': 'Penalty(..., weight=...)',
    'penalty_every': 'Penalty(..., every=...)',
    'penalty_kwargs': 'Penalty(..., **kwargs)',
    'feature_matching_weight': "addons=[tfgan_ext.addons.FeatureMatching("
                               "weight, layer='...')]",
    'feature_matching_layer': "FeatureMatching(..., layer='...')",
    'generator_ema': 'addons=[tfgan_ext.addons.GeneratorAverage(decay, '
                     'start)]',
    'generator_ema_start': 'GeneratorAverage(..., start=...)',
    'augment': "addons=[tfgan_ext.addons.DiffAugment(policy)], "
               "[tfgan_ext.addons.ADA(target, interval, speed_images)] or "
               "[tfgan_ext.addons.Augmentation(fn)]",
    'augment_policy': 'DiffAugment(policy=...)',
    'ada_target': 'ADA(target=...)',
    'ada_interval': 'ADA(interval=...)',
    'ada_speed_images': 'ADA(speed_images=...)',
    'lecam_weight': 'addons=[tfgan_ext.addons.LeCam(weight, decay, start)]',
    'lecam_decay': 'LeCam(..., decay=...)',
    'lecam_start': 'LeCam(..., start=...)',
    'top_k_epoch_steps': 'addons=[tfgan_ext.addons.TopK(epoch_steps, gamma, '
                         'nu)]',
    'top_k_gamma': 'TopK(..., gamma=...)',
    'top_k_nu': 'TopK(..., nu=...)',
    'bcr_weight': 'addons=[tfgan_ext.addons.BalancedConsistency(weight, '
                  'augment)]',
    'bcr_augment': 'BalancedConsistency(..., augment=...)',
    'zcr_weight': 'addons=[tfgan_ext.addons.LatentConsistency(weight, '
                  'generator_weight, stddev)]',
    'zcr_generator_weight': 'LatentConsistency(..., generator_weight=...)',
    'zcr_stddev': 'LatentConsistency(..., stddev=...)',
}


def check(kwargs, keras_options):
  """Raises TypeError for keywords `compile` does not take.

  Args:
    kwargs: `compile`'s extra keyword arguments.
    keras_options: The Keras `compile` options it passes on.

  Raises:
    TypeError: naming each removed argument with its replacement, and any
      other unknown argument.
  """
  removed = sorted(k for k in kwargs if k in REPLACEMENTS)
  unknown = sorted(k for k in kwargs
                   if k not in REPLACEMENTS and k not in keras_options)
  if not removed and not unknown:
    return
  lines = ['GANModel.compile() got unexpected arguments %s.'
           % ', '.join(removed + unknown)]
  if removed:
    lines.append('Removed in tfgan_ext 0.2, where each technique is one '
                 'add-on (see CHANGELOG.md):')
    lines.extend('  %s: use %s' % (k, REPLACEMENTS[k]) for k in removed)
  if unknown:
    lines.append('It takes generator_optimizer, discriminator_optimizer, '
                 'loss, addons, discriminator_steps, fused, loss_scaling '
                 'and the Keras options %s.' % ', '.join(keras_options))
  raise TypeError('\n'.join(lines))

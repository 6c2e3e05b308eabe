# Copyright 2026 The tfgan_ext Authors.
# SPDX-License-Identifier: Apache-2.0
r"""Records every technique's numbers with the API before the add-on redesign.

Run once, on main at 4dd5bf2 (before issue 29's redesign), to write
tests/golden/addons_golden.npz:

  .venv/bin/python -m tests.golden.record_before_addons

Each case attaches one technique (or a combination) the way that API did it
(`tfgan_ext.losses.with_penalty`, `tfgan_ext.lecam.LeCam`,
`tfgan_ext.top_k.TopK`, `tfgan_ext.adaptive_augment.AdaptiveAugment`,
`tfgan_ext.averaging.AveragingOptimizer`, `GANModel.compile`'s keyword
arguments, ...) to the fixed GANs of `harness`. tests/golden/addons_golden_test.py
builds the same cases with the add-on objects and compares. This file is
kept as the record of how the goldens were made; after the redesign it no
longer runs (the API it calls is gone).
"""

import functools
import os

import numpy as np

import tfgan_ext
from tfgan_ext import adaptive_augment
from tfgan_ext import augment
from tfgan_ext import averaging
from tfgan_ext import lecam
from tfgan_ext import top_k
from tests.golden import harness

_W = tfgan_ext.losses.with_penalty
OUT = os.path.join(os.path.dirname(__file__), 'addons_golden.npz')


def _d(parts, fn):
  return dict(parts, discriminator_loss_fn=fn(parts['discriminator_loss_fn']))


def _g(parts, fn):
  return dict(parts, generator_loss_fn=fn(parts['generator_loss_fn']))


def _ada(parts):
  ada = adaptive_augment.AdaptiveAugment(0.6, interval=1, speed_images=16)
  parts = dict(parts, discriminator_fn=ada.discriminator_fn(
      parts['discriminator_fn']))
  return _d(parts, ada.with_update)


def _average(parts):
  return dict(parts, generator_optimizer=averaging.AveragingOptimizer(
      parts['generator_optimizer'], decay=0.5, start=1))


def _diffaugment(parts):
  return dict(parts, discriminator_fn=augment.augmented_discriminator(
      parts['discriminator_fn'], functools.partial(
          augment.diff_augment, policy='color,translation,cutout')))


def _zcr(parts):
  parts = _g(parts, lambda f: _W(f, functools.partial(
      tfgan_ext.losses.latent_consistency_generator_loss, stddev=0.03), 0.5))
  return _d(parts, lambda f: _W(f, functools.partial(
      tfgan_ext.losses.latent_consistency_penalty, stddev=0.03), 5.0))


def _bcr(parts):
  return _d(parts, lambda f: _W(f, functools.partial(
      tfgan_ext.losses.balanced_consistency_penalty,
      augment_fn=functools.partial(augment.diff_augment,
                                   policy='translation')), 10.0))


def _lecam(parts):
  return _d(parts, lecam.LeCam(0.3, 0.9, 1).with_penalty)


def _combined(parts):
  # The digits gan_train order: penalty, bCR, LeCam, then ADA's update.
  # (R1 every step: before the redesign, ADA with a lazy penalty failed in a
  # graph, the cond branch creating ADA's variables a second time.)
  parts = _d(parts, lambda f: _W(f, 'r1', 5.0))
  parts = _bcr(parts)
  parts = _lecam(parts)
  parts = _ada(parts)
  return _average(parts)


GRAPH_CASES = {
    'none': (lambda p: p, 'non_saturating'),
    'r1': (lambda p: _d(p, lambda f: _W(f, 'r1', 5.0)), 'non_saturating'),
    'r1_lazy': (lambda p: _d(p, lambda f: _W(f, 'r1', 5.0, 2)),
                'non_saturating'),
    'r2': (lambda p: _d(p, lambda f: _W(f, 'r2', 5.0)), 'non_saturating'),
    'dragan': (lambda p: _d(p, lambda f: _W(f, 'dragan', 10.0)),
               'non_saturating'),
    'wgan_gp': (lambda p: _d(p, lambda f: _W(f, 'wgan_gp', 10.0)),
                'wasserstein'),
    'lecam': (_lecam, 'hinge'),
    'top_k': (lambda p: _g(p, top_k.TopK(1, 0.5, 0.25).generator_loss),
              'hinge'),
    'zcr': (_zcr, 'non_saturating'),
    'bcr': (_bcr, 'non_saturating'),
    'diffaugment': (_diffaugment, 'non_saturating'),
    'ada': (_ada, 'non_saturating'),
    'average': (_average, 'non_saturating'),
    'feature_matching': (lambda p: _g(p, lambda f: (
        tfgan_ext.losses.with_feature_matching(f, harness.features_fn, 1.0))),
                         'non_saturating'),
    'combined': (_combined, 'hinge'),
}


def _sgd(K):
  return K.optimizers.SGD(0.05), K.optimizers.SGD(0.05)


def _compiled(**kwargs):
  def compile_gan(K, generator, discriminator):
    import tfgan_ext.keras as tfk  # pylint: disable=g-import-not-at-top
    gan = tfk.GANModel(generator, discriminator)
    gan.compile(*_sgd(K), **kwargs)
    return gan
  return compile_gan


KERAS_CASES = {
    'none': ('keras', dict(loss='non_saturating')),
    'r1': ('keras', dict(loss='non_saturating', penalty='r1',
                         penalty_weight=5.0)),
    'r1_lazy': ('keras', dict(loss='non_saturating', penalty='r1',
                              penalty_weight=5.0, penalty_every=2)),
    'dragan': ('keras', dict(loss='non_saturating', penalty='dragan',
                             penalty_weight=10.0)),
    'wgan_gp': ('keras', dict(loss='wasserstein', penalty='wgan_gp',
                              penalty_weight=10.0)),
    'lecam': ('keras', dict(loss='hinge', lecam_weight=0.3, lecam_decay=0.9,
                            lecam_start=1)),
    'top_k': ('keras', dict(loss='hinge', top_k_epoch_steps=1,
                            top_k_gamma=0.5, top_k_nu=0.25)),
    'zcr': ('keras', dict(loss='non_saturating', zcr_weight=5.0,
                          zcr_generator_weight=0.5)),
    'bcr': ('keras', dict(loss='non_saturating', bcr_weight=10.0,
                          bcr_augment='translation')),
    'diffaugment': ('keras', dict(loss='non_saturating',
                                  augment='diffaugment')),
    'ada': ('keras', dict(loss='non_saturating', augment='ada',
                          ada_interval=1, ada_speed_images=16)),
    'average': ('keras', dict(loss='non_saturating', generator_ema=0.5,
                              generator_ema_start=1)),
    'feature_matching': ('keras', dict(
        loss='non_saturating', feature_matching_weight=1.0,
        feature_matching_layer='features')),
    'fused_combined': ('keras', dict(
        loss='hinge', fused=True, penalty='r1', penalty_weight=5.0,
        lecam_weight=0.3, lecam_decay=0.9, lecam_start=1,
        augment='diffaugment', generator_ema=0.5)),
    'discriminator_steps': ('keras', dict(
        loss='hinge', discriminator_steps=2, penalty='r1',
        penalty_weight=5.0, penalty_every=2)),
    'tf_keras_combined': ('tf_keras', dict(
        loss='hinge', penalty='r1', penalty_weight=5.0, lecam_weight=0.3,
        lecam_decay=0.9, lecam_start=1, augment='ada', ada_interval=1,
        ada_speed_images=16, generator_ema=0.5, top_k_epoch_steps=1,
        top_k_gamma=0.5, top_k_nu=0.25)),
}


def main():
  results = {}
  for name, (attach, loss) in GRAPH_CASES.items():
    for key, value in harness.graph_case(attach, loss).items():
      results['graph/%s/%s' % (name, key)] = value
  for name, (package, kwargs) in KERAS_CASES.items():
    for key, value in harness.keras_case(_compiled(**kwargs),
                                         package).items():
      results['keras/%s/%s' % (name, key)] = value
  np.savez_compressed(OUT, **results)
  print('wrote %d arrays to %s' % (len(results), OUT))


if __name__ == '__main__':
  main()
